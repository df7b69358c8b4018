package io.codelibra.lifeline.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Lifeline's Confluent Schema Registry API-compatible registry, kept in the {@code _schemas} topic. */
@SpringBootApplication
@EnableConfigurationProperties(RegistryProperties.class)
public class SchemaRegistryApplication {

  /**
   * Its configuration file is {@code schema-registry.yml}, not {@code application.yml}, so the
   * registry can run inside another application's test JVM without reading that one's settings.
   */
  public static final String CONFIG_NAME = "schema-registry";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(SchemaRegistryApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
