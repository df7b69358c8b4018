package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.page.PublishedPage;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the public read side onto the service's {@link PublishedPage} and {@link Clock}. */
@Configuration(proxyBeanMethods = false)
public class PublicPageConfiguration {

  @Bean
  PublicDocuments publicDocuments(PublishedPage publishedPage, Clock clock) {
    return new PublicDocuments(publishedPage, clock, new PageRenderer());
  }
}
