package io.codelibra.lifeline.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.serde.LifelineAvroSerializer;
import io.codelibra.lifeline.schemas.serde.WireFormat;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** One event through a real broker and registry with the Lifeline serde: what any stack must do. */
final class SerdeRoundTrip {

  private SerdeRoundTrip() {
  }

  static void incidentSurvivesTheRoundTrip(KafkaStack stack) throws Exception {
    String topic = Topics.INCIDENTS.name();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      }
    }
    IncidentOpened opened = IncidentOpened.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setSource("serde-test")
        .setIncidentId("inc-" + UUID.randomUUID())
        .setDedupKey("checkout-latency")
        .setService("checkout")
        .setSeverity(Severity.SEV1)
        .setUrgency(Urgency.high)
        .setTitle("Checkout latency")
        .setAlertFingerprint("checkout-latency")
        .setOpenedBy(Actor.newBuilder().setType(ActorType.system).setId("escalation-service").build())
        .build();

    Map<String, Object> producerConfig = new HashMap<>(stack.serdeConfig());
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    LifelineAvroSerializer serializer = new LifelineAvroSerializer();
    serializer.configure(producerConfig, false);
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(topic, opened.getIncidentId(), opened)).get();
    }

    ConsumerRecord<String, byte[]> record = lastRecord(stack, topic, opened.getIncidentId());
    int schemaId = WireFormat.schemaIdOf(record.value());
    assertThat(stack.registryClient().latest("incidents-" + IncidentOpened.class.getName()).id()).isEqualTo(schemaId);
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer();
    deserializer.configure(stack.serdeConfig(), false);
    assertThat(deserializer.deserialize(topic, record.value())).isEqualTo(opened);
  }

  private static ConsumerRecord<String, byte[]> lastRecord(KafkaStack stack, String topic, String key) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant deadline = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
      throw new AssertionError("no record keyed " + key + " on " + topic);
    }
  }
}
