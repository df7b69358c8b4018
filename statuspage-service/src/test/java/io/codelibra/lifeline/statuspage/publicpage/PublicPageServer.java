package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The public read side alone on a real embedded Tomcat on a free port: its controllers, its advice and its
 * configuration over a given snapshot, without Kafka or the rest of the service.
 */
final class PublicPageServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private PublicPageServer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static PublicPageServer serving(PageSnapshot snapshot, String... properties) {
    PublishedPage page = new PublishedPage();
    page.publish(snapshot);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(Web.class)
        .web(WebApplicationType.SERVLET)
        .bannerMode(Banner.Mode.OFF)
        .properties("server.port=0", "spring.config.name=publicpage-server", "logging.level.root=WARN")
        .properties(properties)
        .initializers(applicationContext -> applicationContext.getBeanFactory().registerSingleton("publishedPage", page))
        .run();
    return new PublicPageServer(context);
  }

  String url(String path) {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
  }

  @Override
  public void close() {
    context.close();
  }

  // Not a @Configuration: the application's component scan must not pick up this test server's beans.
  @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
      WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
  @Import({PublicPageConfiguration.class, PublicApiController.class, StatusPageController.class, BenchmarkStaticSummaryController.class,
      PublicPageProblems.class})
  static class Web {

    @Bean
    Clock clock() {
      return Clock.fixed(PublicPageSnapshots.NOW, ZoneOffset.UTC);
    }
  }
}
