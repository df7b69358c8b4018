package io.codelibra.lifeline.registry;

import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lifeline.registry.*}: where the registry keeps its log and how long it waits for it.
 *
 * @param bootstrapServers the Kafka cluster holding the log; when unset, {@code lifeline.kafka.bootstrap-servers}
 * @param topic the compacted single-partition log topic, {@code _schemas} like Confluent's
 * @param replicationFactor replication factor when the topic is created; 0 means min(3, brokers)
 * @param defaultCompatibility the global compatibility level until one is set with {@code PUT /config}
 * @param initTimeout how long start-up may take to read the log to its end before the service gives up
 * @param operationTimeout how long a write may wait for the broker and for its record to be applied
 * @param writeAttempts how often a write whose record lost a compare-and-set is retried
 * @param kafka extra Kafka client properties (security.protocol, sasl.*, ssl.*) for admin, producer and consumer
 */
@ConfigurationProperties("lifeline.registry")
public record RegistryProperties(
    String bootstrapServers,
    @DefaultValue("_schemas") String topic,
    @DefaultValue("0") short replicationFactor,
    @DefaultValue("BACKWARD") CompatibilityLevel defaultCompatibility,
    @DefaultValue("60s") Duration initTimeout,
    @DefaultValue("10s") Duration operationTimeout,
    @DefaultValue("10") int writeAttempts,
    Map<String, String> kafka) {

  public RegistryProperties {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("lifeline.registry.topic must name a topic");
    }
    if (replicationFactor < 0) {
      throw new IllegalArgumentException("lifeline.registry.replication-factor must be 0 (automatic) or more");
    }
    if (writeAttempts < 1) {
      throw new IllegalArgumentException("lifeline.registry.write-attempts must be at least 1");
    }
    kafka = kafka == null ? Map.of() : Map.copyOf(kafka);
  }
}
