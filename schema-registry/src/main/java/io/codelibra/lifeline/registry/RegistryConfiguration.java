package io.codelibra.lifeline.registry;

import io.codelibra.lifeline.registry.state.RegistryState;
import io.codelibra.lifeline.registry.store.SchemaLog;
import io.codelibra.lifeline.registry.store.SchemaLogHealthIndicator;
import io.codelibra.lifeline.registry.store.SchemaStore;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import io.codelibra.lifeline.registry.api.RegistryMediaTypes;
import io.codelibra.lifeline.runtime.security.WriteRefusal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.UrlHandlerFilter;

/** Wires the schema log, the store on top of it, its health indicator and Confluent's lenient URLs. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  /** Unauthenticated writes are refused in Confluent's error format, which registry clients parse. */
  @Bean
  WriteRefusal confluentWriteRefusal() {
    return new WriteRefusal() {
      @Override
      public String contentType() {
        return RegistryMediaTypes.V1_JSON;
      }

      @Override
      public String body(String detail, String jsonEscapedPath) {
        return "{\"error_code\":401,\"message\":\"Unauthorized: " + detail + "\"}";
      }
    };
  }

  /** Started here, so the context (and the web server after it) is up only once the whole log is applied. */
  @Bean(destroyMethod = "close")
  SchemaLog schemaLog(RegistryProperties properties, Environment environment) {
    Map<String, Object> clientConfig = new HashMap<>(properties.kafka());
    clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(properties, environment));
    SchemaLog log = new SchemaLog(clientConfig, properties.topic(),
        new RegistryState(properties.defaultCompatibility()), properties.operationTimeout());
    try {
      log.start(properties.replicationFactor(), properties.initTimeout());
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
    return log;
  }

  /** The registry's own setting, else the one every Lifeline process shares. */
  private static String bootstrapServers(RegistryProperties properties, Environment environment) {
    String servers = properties.bootstrapServers();
    if (servers == null || servers.isBlank()) {
      servers = environment.getProperty("lifeline.kafka.bootstrap-servers");
    }
    if (servers == null || servers.isBlank()) {
      throw new IllegalStateException("Set lifeline.kafka.bootstrap-servers (or lifeline.registry.bootstrap-servers): "
          + "the schema registry keeps its state in Kafka.");
    }
    return servers;
  }

  @Bean
  SchemaStore schemaStore(SchemaLog schemaLog, RegistryProperties properties) {
    return new SchemaStore(schemaLog, properties.operationTimeout(), properties.writeAttempts());
  }

  /** Confluent's registry (Jersey) answers {@code /subjects/} like {@code /subjects}; Spring MVC does not by itself. */
  @Bean
  FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
    FilterRegistrationBean<UrlHandlerFilter> registration =
        new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  SchemaLogHealthIndicator schemaLogHealthIndicator(SchemaLog schemaLog) {
    return new SchemaLogHealthIndicator(schemaLog);
  }
}
