package io.codelibra.lifeline.deploy.local;

import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.serde.SerdeConfig;
import io.codelibra.lifeline.schemas.serde.WireFormat;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Prints a topic's latest events decoded from the registry wire format as JSON, one per line. */
public final class TopicEvents {

  private final String bootstrapServers;
  private final String registryUrl;
  private final PrintStream out;

  public TopicEvents(String bootstrapServers, String registryUrl, PrintStream out) {
    this.bootstrapServers = bootstrapServers;
    this.registryUrl = registryUrl;
    this.out = out;
  }

  public void printLatest(String topic, int count) {
    LifelineAvroDeserializer decoder = new LifelineAvroDeserializer();
    decoder.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      if (partitions.isEmpty()) {
        throw new IllegalArgumentException("no topic named " + topic);
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
      partitions.forEach(partition -> consumer.seek(partition,
          Math.max(begins.get(partition), ends.get(partition) - count)));
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      Instant deadline = Instant.now().plusSeconds(15);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
          && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      records.stream()
          .sorted(Comparator.comparingLong(ConsumerRecord::timestamp))
          .skip(Math.max(0, records.size() - count))
          .forEach(record -> out.println(json(record, decoder)));
    }
  }

  private static String json(ConsumerRecord<String, byte[]> record, LifelineAvroDeserializer decoder) {
    String head = "{\"topic\":\"" + record.topic() + "\",\"partition\":" + record.partition()
        + ",\"offset\":" + record.offset() + ",\"key\":" + quoted(record.key());
    try {
      int schemaId = WireFormat.schemaIdOf(record.value());
      SpecificRecord event = decoder.deserialize(record.topic(), record.value());
      return head + ",\"schemaId\":" + schemaId + ",\"type\":\"" + event.getSchema().getFullName()
          + "\",\"value\":" + event + "}";
    } catch (RuntimeException notAvro) {
      String raw = record.value() == null ? "null" : quoted(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
      return head + ",\"error\":" + quoted(notAvro.getMessage()) + ",\"raw\":" + raw + "}";
    }
  }

  private static String quoted(String text) {
    if (text == null) {
      return "null";
    }
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
  }
}
