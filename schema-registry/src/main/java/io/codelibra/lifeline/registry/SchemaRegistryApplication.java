package io.codelibra.lifeline.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Lifeline's Confluent Schema Registry API-compatible registry, kept in the {@code _schemas} topic. */
@SpringBootApplication
@EnableConfigurationProperties(RegistryProperties.class)
public class SchemaRegistryApplication {

  public static void main(String[] args) {
    SpringApplication.run(SchemaRegistryApplication.class, args);
  }
}
