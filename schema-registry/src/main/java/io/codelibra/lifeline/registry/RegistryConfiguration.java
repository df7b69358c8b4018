package io.codelibra.lifeline.registry;

import io.codelibra.lifeline.registry.state.RegistryState;
import io.codelibra.lifeline.registry.store.SchemaLog;
import io.codelibra.lifeline.registry.store.SchemaLogHealthIndicator;
import io.codelibra.lifeline.registry.store.SchemaStore;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/** Wires the schema log, the store on top of it, its health indicator and Confluent's lenient URLs. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  /** Started here, so the context (and the web server after it) is up only once the whole log is applied. */
  @Bean(destroyMethod = "close")
  SchemaLog schemaLog(RegistryProperties properties) {
    Map<String, Object> clientConfig = new HashMap<>(properties.kafka());
    clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
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
