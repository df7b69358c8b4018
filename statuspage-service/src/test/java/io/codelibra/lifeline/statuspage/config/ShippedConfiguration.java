package io.codelibra.lifeline.statuspage.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The demo page shipped in statuspage.yml, bound the way Spring binds it, without an application context. */
public final class ShippedConfiguration {

  private ShippedConfiguration() {
  }

  public static StatuspageProperties properties() {
    return properties("statuspage.yml");
  }

  public static StatuspageProperties properties(String classpathYaml) {
    try {
      List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(classpathYaml, new ClassPathResource(classpathYaml));
      Binder binder = new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
      return binder.bindOrCreate("lifeline.statuspage", StatuspageProperties.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PageConfiguration page() {
    return PageConfiguration.of(properties());
  }
}
