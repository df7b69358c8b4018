package io.codelibra.lifeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads events back from the {@code alerts} topic as any consumer would: a plain consumer and the registry serde. */
public final class AlertsTopic {

  private AlertsTopic() {
  }

  /**
   * The events under each key, in topic order, once every key has at least as many as expected;
   * fails after 30 s.
   */
  public static Map<String, List<SpecificRecord>> eventsByKey(KafkaStack stack, Map<String, Integer> expectedPerKey) {
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer(stack.registryClient());
    Map<String, List<SpecificRecord>> found = new LinkedHashMap<>();
    expectedPerKey.keySet().forEach(key -> found.put(key, new ArrayList<>()));
    try (KafkaConsumer<String, byte[]> consumer = consumerAtStart(stack)) {
      Instant deadline = Instant.now().plusSeconds(30);
      while (!complete(found, expectedPerKey) && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
          if (found.containsKey(record.key())) {
            found.get(record.key()).add(deserializer.deserialize(record.topic(), record.value()));
          }
        });
      }
    }
    expectedPerKey.forEach((key, count) ->
        assertThat(found.get(key)).as("events keyed %s on %s", key, Topics.ALERTS.name()).hasSize(count));
    return found;
  }

  /** The one event under the key. */
  public static SpecificRecord event(KafkaStack stack, String key) {
    return eventsByKey(stack, Map.of(key, 1)).get(key).getFirst();
  }

  /**
   * Every record keyed {@code key}, read from the start to the end offsets as they are now: a request
   * answered 2xx was acknowledged (acks=all), so its events are below them; absence is meaningful.
   */
  public static List<ConsumerRecord<String, byte[]>> recordsUpToNow(KafkaStack stack, String key) {
    try (KafkaConsumer<String, byte[]> consumer = consumerAtStart(stack)) {
      Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
      List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
      Instant deadline = Instant.now().plusSeconds(30);
      while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
        assertThat(Instant.now()).as("reading %s to its end offsets", Topics.ALERTS.name()).isBefore(deadline);
        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
          if (key.equals(record.key())) {
            found.add(record);
          }
        });
      }
      return found;
    }
  }

  /** {@link #recordsUpToNow} decoded with the registry serde. */
  public static List<SpecificRecord> eventsUpToNow(KafkaStack stack, String key) {
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer(stack.registryClient());
    return recordsUpToNow(stack, key).stream()
        .map(record -> deserializer.deserialize(record.topic(), record.value()))
        .toList();
  }

  private static KafkaConsumer<String, byte[]> consumerAtStart(KafkaStack stack) {
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
        new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition()))
        .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private static boolean complete(Map<String, List<SpecificRecord>> found, Map<String, Integer> expected) {
    return expected.entrySet().stream().allMatch(entry -> found.get(entry.getKey()).size() >= entry.getValue());
  }
}
