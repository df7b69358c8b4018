package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The pair's events read by a consumer of its own: every partition of {@code failover.events} and
 * {@code failover.requests} assigned (no group, nothing committed), read_committed, positioned at the end when opened.
 * Undecodable records fail the poll (they cannot be a drill's evidence either way).
 */
public final class KafkaFailoverEventFeed implements FailoverEventFeed {

  /** What the feed's consumer needs on top of the service's consumer settings. */
  public static final Map<String, Object> CONSUMER_OVERRIDES = Map.of(
      ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
      ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");

  private final Consumer<String, SpecificRecord> consumer;

  private KafkaFailoverEventFeed(Consumer<String, SpecificRecord> consumer) {
    this.consumer = consumer;
  }

  /** Takes ownership of {@code consumer} (closed with the feed) and positions it at the end of both topics. */
  public static KafkaFailoverEventFeed atEnd(Consumer<String, SpecificRecord> consumer) {
    try {
      List<TopicPartition> partitions = Stream.of(Topics.FAILOVER_EVENTS.name(), Topics.FAILOVER_REQUESTS.name())
          .flatMap(topic -> consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
          .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // seekToEnd is lazy: resolve the positions now, so nothing appended from here on is missed.
      partitions.forEach(consumer::position);
      return new KafkaFailoverEventFeed(consumer);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  @Override
  public List<SpecificRecord> poll(Duration timeout) {
    List<SpecificRecord> events = new ArrayList<>();
    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(timeout)) {
      if (record.value() != null) {
        events.add(record.value());
      }
    }
    return events;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
