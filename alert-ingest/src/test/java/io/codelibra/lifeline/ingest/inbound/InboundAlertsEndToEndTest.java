package io.codelibra.lifeline.ingest.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.serde.LifelineAvroSerializer;
import io.codelibra.lifeline.schemas.serde.WireFormat;
import io.codelibra.lifeline.schemas.topics.DeadLetterHeaders;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.SampleEvents;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Other teams' records on {@code alerts.inbound}, through the real broker and registry: valid ones
 * come out normalised on {@code alerts}; each kind of bad one lands on {@code alerts.inbound.dlq}
 * byte for byte, with its key and headers kept and the reason and origin added; every offset moves on.
 *
 * <p>This context consumes in its own group, so other test contexts in the JVM (each with the intake in
 * the default group) cannot hold partitions this test waits on; dead letters are told apart by their
 * {@code lifeline.dlq.consumer-group} header.
 */
@WithKafkaStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "lifeline.ingest.inbound.group-id=" + InboundAlertsEndToEndTest.GROUP,
    "lifeline.ingest.max-body-size=64KB"})
class InboundAlertsEndToEndTest {

  static final String GROUP = "alert-ingest.inbound.e2e-test";
  private static final String INBOUND = Topics.ALERTS_INBOUND.name();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Instant testStarted = Instant.now();

  @Test
  void aGenericJsonRecordBecomesANormalisedAlertRaisedAndItsOffsetIsCommitted(KafkaStack stack) throws Exception {
    String dedupKey = unique("json");
    RecordMetadata sent = send(stack, utf8(dedupKey), utf8("""
        {"summary":"payments queue depth above 10k","source":"payments-monitor","severity":"critical",
         "dedupKey":"%s","labels":{"team":"payments"}}""".formatted(dedupKey)), new RecordHeaders());

    AlertRaised event = alertRaised(stack, dedupKey);

    assertThat(event.getSourceType()).isEqualTo(AlertSourceType.kafka);
    assertThat(event.getSource()).isEqualTo("payments-monitor");
    assertThat(event.getSeverity()).isEqualTo(Severity.SEV1);
    assertThat(event.getSourceSeverity()).isEqualTo("critical");
    assertThat(event.getSummary()).isEqualTo("payments queue depth above 10k");
    assertThat(event.getLabels()).containsEntry("team", "payments");
    assertThat(event.getRawPayload()).contains(dedupKey);
    assertCommittedPast(stack, sent);
  }

  @Test
  void anAvroAlertRaisedIsRenormalisedKeepingItsFingerprintAndSeverity(KafkaStack stack) throws Exception {
    String fingerprint = unique("avro");
    AlertRaised original = AlertRaised.newBuilder(SampleEvents.alertRaised(fingerprint))
        .setSource("team-b-checker")
        .setSeverity(Severity.SEV3)
        .setSourceSeverity("minor")
        .setService("checkout")
        .build();
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    LifelineAvroSerializer serializer = new LifelineAvroSerializer();
    serializer.configure(config, false);
    RecordMetadata sent;
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
      sent = producer.send(new ProducerRecord<>(INBOUND, fingerprint, original)).get();
    }

    AlertRaised event = alertRaised(stack, fingerprint);

    assertThat(event.getEventId()).isNotEqualTo(original.getEventId());
    assertThat(event.getFingerprint()).isEqualTo(fingerprint);
    assertThat(event.getSourceType()).isEqualTo(AlertSourceType.kafka);
    assertThat(event.getSource()).isEqualTo("team-b-checker");
    assertThat(event.getSeverity()).isEqualTo(Severity.SEV3);
    assertThat(event.getSourceSeverity()).isEqualTo("SEV3");
    assertThat(event.getService()).isEqualTo("checkout");
    assertThat(event.getSummary()).isEqualTo(original.getSummary());
    assertCommittedPast(stack, sent);
  }

  @Test
  void theIntakeAddsNoBeanThatSpringCloudStreamWouldBindAsAFunction(ApplicationContext context) {
    List<String> functional = Arrays.stream(context.getBeanDefinitionNames())
        .filter(name -> {
          Class<?> type = context.getType(name);
          return type != null && type.getPackageName().equals(InboundDeadLetters.class.getPackageName())
              && (Function.class.isAssignableFrom(type) || java.util.function.Consumer.class.isAssignableFrom(type)
                  || BiConsumer.class.isAssignableFrom(type) || Supplier.class.isAssignableFrom(type));
        })
        .toList();

    assertThat(functional).isEmpty();
    assertThat(context.getBeansOfType(ConcurrentMessageListenerContainer.class)).containsKey("inboundAlertContainer");
  }

  @Test
  void garbageBytesAreDeadLetteredUnchanged(KafkaStack stack) throws Exception {
    byte[] garbage = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0x00, 0x7f};

    assertDeadLettered(stack, garbage, RejectionReason.UNRECOGNISED_FORMAT);
  }

  @Test
  void aRecordWithoutAValueIsDeadLetteredAsEmpty(KafkaStack stack) throws Exception {
    assertDeadLettered(stack, null, RejectionReason.EMPTY_VALUE);
  }

  @Test
  void aJsonArrayIsDeadLetteredAsNotAnObject(KafkaStack stack) throws Exception {
    assertDeadLettered(stack, utf8("[{\"summary\":\"disk full\",\"source\":\"node-1\"}]"),
        RejectionReason.JSON_NOT_OBJECT);
  }

  @Test
  void brokenJsonIsDeadLetteredAsMalformed(KafkaStack stack) throws Exception {
    assertDeadLettered(stack, utf8("{\"summary\":\"disk full\",\"source\":"), RejectionReason.MALFORMED_JSON);
  }

  @Test
  void jsonMissingSummaryAndSourceIsDeadLetteredAsAnInvalidAlert(KafkaStack stack) throws Exception {
    ConsumerRecord<byte[], byte[]> dead = assertDeadLettered(stack,
        utf8("{\"severity\":\"critical\",\"labels\":{\"team\":\"payments\"}}"), RejectionReason.INVALID_ALERT);

    assertThat(header(dead, DeadLetterHeaders.ERROR)).contains("summary is required", "source is required");
  }

  @Test
  void wireFormatWithAnUnknownSchemaIdIsDeadLettered(KafkaStack stack) throws Exception {
    byte[] valid = serialize(stack, INBOUND, SampleEvents.alertRaised(unique("fp")));
    byte[] unknownId = valid.clone();
    ByteBuffer.wrap(unknownId, 1, 4).putInt(987_654_321);

    ConsumerRecord<byte[], byte[]> dead = assertDeadLettered(stack, unknownId, RejectionReason.UNKNOWN_SCHEMA);

    assertThat(header(dead, DeadLetterHeaders.ERROR)).contains("987654321");
  }

  @Test
  void wireFormatOfAnIncidentOpenedIsDeadLetteredAsNotAlertRaised(KafkaStack stack) throws Exception {
    byte[] incident = serialize(stack, Topics.INCIDENTS.name(), SampleEvents.incidentOpened(unique("inc")));
    assertThat(stack.registryClient().schemaById(WireFormat.schemaIdOf(incident)).getFullName())
        .isEqualTo(IncidentOpened.class.getName());

    ConsumerRecord<byte[], byte[]> dead = assertDeadLettered(stack, incident, RejectionReason.NOT_ALERT_RAISED);

    assertThat(header(dead, DeadLetterHeaders.ERROR)).contains(IncidentOpened.class.getName());
  }

  @Test
  void anAlertRaisedWhoseAvroBodyDoesNotDecodeIsDeadLettered(KafkaStack stack) throws Exception {
    byte[] valid = serialize(stack, INBOUND, SampleEvents.alertRaised(unique("fp")));
    byte[] cut = Arrays.copyOf(valid, WireFormat.HEADER_LENGTH + 3);

    assertDeadLettered(stack, cut, RejectionReason.UNDECODABLE_AVRO);
  }

  @Test
  void aRecordOverTheSizeLimitIsDeadLetteredWhole(KafkaStack stack) throws Exception {
    byte[] oversized = utf8("{\"summary\":\"huge\",\"source\":\"batch\",\"details\":\""
        + "x".repeat(64 * 1024) + "\"}");

    ConsumerRecord<byte[], byte[]> dead = assertDeadLettered(stack, oversized, RejectionReason.TOO_LARGE);

    assertThat(dead.value()).hasSize(oversized.length);
  }

  /**
   * Sends the value with a unique key and a header of the sender's own, then checks its dead letter:
   * same key, same value bytes, the sender's header kept, reason and origin and time named, and the
   * group's committed offset past the record.
   */
  private ConsumerRecord<byte[], byte[]> assertDeadLettered(KafkaStack stack, byte[] value, RejectionReason reason)
      throws Exception {
    byte[] key = utf8(unique(reason.code()));
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace-id", utf8("trace-" + UUID.randomUUID()));
    RecordMetadata sent = send(stack, key, value, headers);

    ConsumerRecord<byte[], byte[]> dead = deadLetter(stack, key);

    assertThat(dead.key()).isEqualTo(key);
    if (value == null) {
      assertThat(dead.value()).isNull();
    } else {
      assertThat(dead.value()).as("dead letter value, byte for byte").isEqualTo(value);
    }
    assertThat(dead.headers().lastHeader("trace-id").value()).isEqualTo(headers.lastHeader("trace-id").value());
    assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo(reason.code());
    assertThat(header(dead, DeadLetterHeaders.ERROR)).isNotBlank();
    assertThat(header(dead, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(INBOUND);
    assertThat(header(dead, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo(Integer.toString(sent.partition()));
    assertThat(header(dead, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo(Long.toString(sent.offset()));
    assertThat(Instant.parse(header(dead, DeadLetterHeaders.FAILED_AT)))
        .isBetween(testStarted.minusSeconds(1), Instant.now());
    assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(INBOUND);
    assertThat(ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
        .isEqualTo(sent.offset());
    assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo(header(dead, DeadLetterHeaders.ERROR));
    assertThat(dead.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).isNull();
    assertCommittedPast(stack, sent);
    return dead;
  }

  private static RecordMetadata send(KafkaStack stack, byte[] key, byte[] value, RecordHeaders headers)
      throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      return producer.send(new ProducerRecord<>(INBOUND, null, key, value, headers)).get();
    }
  }

  private static byte[] serialize(KafkaStack stack, String topic, SpecificRecord event) {
    LifelineAvroSerializer serializer = new LifelineAvroSerializer();
    serializer.configure(stack.serdeConfig(), false);
    return serializer.serialize(topic, event);
  }

  /** The normalised event keyed by the fingerprint on {@code alerts}. */
  private static AlertRaised alertRaised(KafkaStack stack, String fingerprint) {
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer(stack.registryClient());
    ConsumerRecord<byte[], byte[]> record = firstMatching(stack, Topics.ALERTS.name(),
        candidate -> Arrays.equals(candidate.key(), utf8(fingerprint)));
    SpecificRecord event = deserializer.deserialize(Topics.ALERTS.name(), record.value());
    assertThat(event).isInstanceOf(AlertRaised.class);
    return (AlertRaised) event;
  }

  /** The dead letter this test's consumer group wrote for the key. */
  private static ConsumerRecord<byte[], byte[]> deadLetter(KafkaStack stack, byte[] key) {
    return firstMatching(stack, Topics.ALERTS_INBOUND_DLQ.name(), candidate -> Arrays.equals(candidate.key(), key)
        && GROUP.equals(Optional.ofNullable(candidate.headers().lastHeader(DeadLetterHeaders.CONSUMER_GROUP))
            .map(found -> new String(found.value(), StandardCharsets.UTF_8)).orElse(null)));
  }

  private static ConsumerRecord<byte[], byte[]> firstMatching(KafkaStack stack, String topic,
      java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> wanted) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant deadline = Instant.now().plus(PATIENCE);
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (wanted.test(record)) {
            return record;
          }
        }
      }
      throw new AssertionError("no matching record on " + topic + " within " + PATIENCE);
    }
  }

  private static void assertCommittedPast(KafkaStack stack, RecordMetadata sent) {
    TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        assertThat(committed.get(partition)).as("offset committed by %s on %s", GROUP, partition).isNotNull();
        assertThat(committed.get(partition).offset()).isGreaterThan(sent.offset());
      });
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String unique(String prefix) {
    return "inbound-e2e-" + prefix + "-" + UUID.randomUUID();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
