package io.codelibra.lifeline.ingest.alertmanager;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Alertmanager receiver's pure part as a bean. */
@Configuration(proxyBeanMethods = false)
class AlertmanagerConfiguration {

  @Bean
  AlertmanagerWebhookReader alertmanagerWebhookReader() {
    return new AlertmanagerWebhookReader();
  }
}
