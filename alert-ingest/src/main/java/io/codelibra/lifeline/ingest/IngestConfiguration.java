package io.codelibra.lifeline.ingest;

import io.codelibra.lifeline.ingest.generic.GenericAlertNormaliser;
import io.codelibra.lifeline.ingest.publish.AlertPublisher;
import java.time.Clock;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the intake's pure parts to Kafka. */
@Configuration
class IngestConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  GenericAlertNormaliser genericAlertNormaliser(Clock clock) {
    return new GenericAlertNormaliser(clock);
  }

  @Bean
  AlertPublisher alertPublisher(KafkaTemplate<String, SpecificRecord> kafka,
      @Value("${lifeline.ingest.ack-timeout:10s}") Duration ackTimeout) {
    return new AlertPublisher(kafka, ackTimeout);
  }
}
