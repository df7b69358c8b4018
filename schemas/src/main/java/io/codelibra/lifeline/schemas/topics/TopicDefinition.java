package io.codelibra.lifeline.schemas.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificData;

/**
 * One Kafka topic as every service and the topic creator see it: name, key and value types,
 * partitions, cleanup policy and retention.
 *
 * @param name topic name
 * @param keyType type of the record key (the aggregate id)
 * @param valueTypes Avro event classes written to the topic; empty for topics carrying raw bytes
 * @param partitions partition count
 * @param cleanupPolicy {@code delete}, {@code compact} or both
 * @param retention how long records are kept ({@link Duration#ZERO} means forever)
 * @param description what the topic is for
 * @param extraConfig further topic-level broker settings (e.g. {@code max.message.bytes})
 */
public record TopicDefinition(
    String name,
    Class<?> keyType,
    List<Class<? extends SpecificRecord>> valueTypes,
    int partitions,
    CleanupPolicy cleanupPolicy,
    Duration retention,
    String description,
    Map<String, String> extraConfig) {

  public TopicDefinition(String name, Class<?> keyType, List<Class<? extends SpecificRecord>> valueTypes,
      int partitions, CleanupPolicy cleanupPolicy, Duration retention, String description) {
    this(name, keyType, valueTypes, partitions, cleanupPolicy, retention, description, Map.of());
  }

  public TopicDefinition {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("topic name is required");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
    valueTypes = List.copyOf(valueTypes);
    extraConfig = Map.copyOf(extraConfig);
  }

  /** The same topic with one more broker setting. */
  public TopicDefinition withConfig(String key, String value) {
    Map<String, String> config = new java.util.HashMap<>(extraConfig);
    config.put(key, value);
    return new TopicDefinition(name, keyType, valueTypes, partitions, cleanupPolicy, retention, description, config);
  }

  /** How old records leave the topic. */
  public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact"),
    COMPACT_DELETE("compact,delete");

    private final String configValue;

    CleanupPolicy(String configValue) {
      this.configValue = configValue;
    }

    public String configValue() {
      return configValue;
    }
  }

  /** Several event types share this topic, so value subjects are named {@code <topic>-<record full name>}. */
  public boolean carriesSeveralEventTypes() {
    return valueTypes.size() > 1;
  }

  /** The Avro schemas of the value types. */
  public List<Schema> valueSchemas() {
    return valueTypes.stream().map(SpecificData.get()::getSchema).toList();
  }

  /** The topic as the admin client creates it. */
  public NewTopic toNewTopic(short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor).configs(brokerConfig());
  }

  /** Topic-level configuration for the broker ({@code cleanup.policy}, {@code retention.ms}, the extras). */
  public Map<String, String> brokerConfig() {
    long retentionMs = retention.isZero() ? -1 : retention.toMillis();
    Map<String, String> config = new java.util.HashMap<>(extraConfig);
    config.put("cleanup.policy", cleanupPolicy.configValue());
    config.put("retention.ms", Long.toString(retentionMs));
    return Map.copyOf(config);
  }
}
