package io.codelibra.lifeline.ingest;

import io.codelibra.lifeline.ingest.alert.AlertIntake;
import io.codelibra.lifeline.ingest.alert.AlertNormaliser;
import io.codelibra.lifeline.ingest.generic.GenericAlertReader;
import io.codelibra.lifeline.ingest.http.BodySizeLimitFilter;
import io.codelibra.lifeline.ingest.http.IngestMetrics;
import io.codelibra.lifeline.ingest.integration.Integration;
import io.codelibra.lifeline.ingest.integration.IntegrationType;
import io.codelibra.lifeline.ingest.integration.Integrations;
import io.codelibra.lifeline.ingest.publish.AlertPublisher;
import io.codelibra.lifeline.ingest.severity.SeverityTable;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the intake's pure parts (severity table, routes, integrations, normaliser) to Kafka and HTTP. */
@Configuration
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  IngestMetrics ingestMetrics(MeterRegistry meters) {
    return new IngestMetrics(meters);
  }

  @Bean
  SeverityTable severityTable(IngestProperties properties) {
    return SeverityTable.withOverrides(properties.severity());
  }

  @Bean
  Integrations integrations(IngestProperties properties) {
    return properties.toIntegrations();
  }

  /** The generic endpoint's sender: whoever holds the service API key, rate limited like an integration. */
  @Bean
  Integration apiKeyIntegration(@Value("${lifeline.ingest.api-key-rate-per-second:500}") double ratePerSecond) {
    return Integrations.withoutSecret("lifeline-api", IntegrationType.generic, ratePerSecond);
  }

  @Bean
  AlertNormaliser alertNormaliser(IngestProperties properties, SeverityTable severities, Clock clock) {
    return new AlertNormaliser(severities, properties.routing().toServiceRoutes(),
        (int) properties.maxRawPayload().toBytes(), clock);
  }

  @Bean
  GenericAlertReader genericAlertReader(SeverityTable severities) {
    return new GenericAlertReader(severities);
  }

  @Bean
  AlertPublisher alertPublisher(KafkaTemplate<String, SpecificRecord> kafka, IngestProperties properties) {
    return new AlertPublisher(kafka, properties.ackTimeout());
  }

  @Bean
  AlertIntake alertIntake(AlertNormaliser normaliser, AlertPublisher publisher, IngestMetrics metrics) {
    return new AlertIntake(normaliser, publisher, metrics);
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(IngestProperties properties, IngestMetrics metrics) {
    FilterRegistrationBean<BodySizeLimitFilter> registration =
        new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodySize().toBytes(), metrics));
    // After authentication, so unauthenticated senders cannot make the service buffer large bodies.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
