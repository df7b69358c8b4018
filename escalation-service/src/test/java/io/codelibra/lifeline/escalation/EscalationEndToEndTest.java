package io.codelibra.lifeline.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.escalation.incident.RfcPolicyFixture;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.serde.LifelineAvroSerializer;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * escalation-service on a real broker and registry: an alert opens an incident and pages; the
 * service is stopped mid-escalation and started again on an empty state directory (so its state
 * comes back from the changelogs), and the next level still fires exactly once. The RFC policy runs
 * with its delays divided by 300 (15 min -> 3 s, 30 min -> 6 s). At the end an operator acknowledges
 * over the HTTP API.
 */
@WithKafkaStack
class EscalationEndToEndTest {

  private static final int DIVISOR = 300;

  @TempDir
  Path stateDirs;
  private KafkaConsumer<String, SpecificRecord> consumer;
  private final List<SpecificRecord> seen = new ArrayList<>();

  @BeforeEach
  void subscribe(KafkaStack stack) {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer(stack));
    consumer.subscribe(List.of(Topics.INCIDENTS.name(), Topics.NOTIFICATIONS.name()));
    Instant deadline = Instant.now().plusSeconds(30);
    while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
      consumer.poll(Duration.ofMillis(100));
    }
  }

  @AfterEach
  void close() {
    consumer.close();
  }

  @Test
  void anAlertOpensAnIncidentAndPagesAndARestartMidEscalationFiresTheNextLevelExactlyOnce(KafkaStack stack)
      throws Exception {
    String fingerprint = "e2e-" + UUID.randomUUID();
    ConfigurableApplicationContext first = start(stack, stateDirs.resolve("first"));
    Instant sent;
    IncidentOpened opened;
    try {
      sent = publish(stack, fingerprint);
      opened = (IncidentOpened) await(event -> event instanceof IncidentOpened o && o.getDedupKey().equals(fingerprint),
          Duration.ofSeconds(60));
      NotificationRequested page = (NotificationRequested) await(event -> event instanceof NotificationRequested n
          && n.getIncidentId().equals(opened.getIncidentId()), Duration.ofSeconds(10));
      assertThat(page.getUserId()).isEqualTo(RfcPolicyFixture.PRIMARY);
      assertThat(opened.getNextEscalationAt()).isAfter(sent);
      assertUndecodableRecordsAreDeadLettered(stack);
    } finally {
      first.close();
    }
    assertThat(Instant.now()).as("stopped before the secondary was due").isBefore(opened.getNextEscalationAt());

    ConfigurableApplicationContext second = start(stack, stateDirs.resolve("second"));
    try {
      IncidentEscalated toSecondary = (IncidentEscalated) await(event -> event instanceof IncidentEscalated e
          && e.getIncidentId().equals(opened.getIncidentId()) && e.getLevel() == 2, Duration.ofSeconds(90));
      assertThat(toSecondary.getResolvedUserIds()).containsExactly(RfcPolicyFixture.SECONDARY);
      IncidentEscalated toManager = (IncidentEscalated) await(event -> event instanceof IncidentEscalated e
          && e.getIncidentId().equals(opened.getIncidentId()) && e.getLevel() == 3, Duration.ofSeconds(30));
      assertThat(toManager.getResolvedUserIds()).containsExactly(RfcPolicyFixture.MANAGER);
      acknowledgeOverTheApi(second, opened.getIncidentId());
      drain(Duration.ofSeconds(3));
    } finally {
      second.close();
    }
    List<Integer> levels = seen.stream()
        .filter(event -> event instanceof IncidentEscalated e && e.getIncidentId().equals(opened.getIncidentId()))
        .map(event -> ((IncidentEscalated) event).getLevel()).toList();
    assertThat(levels).as("each level fired exactly once").containsExactly(2, 3);
    long pagesOfPrimary = seen.stream().filter(event -> event instanceof NotificationRequested n
        && n.getIncidentId().equals(opened.getIncidentId()) && RfcPolicyFixture.PRIMARY.equals(n.getUserId())).count();
    assertThat(pagesOfPrimary).isEqualTo(1);
  }

  /** A record that is not in the registry wire format lands on escalation.dlq, unchanged, with the reason in headers. */
  private void assertUndecodableRecordsAreDeadLettered(KafkaStack stack) throws Exception {
    String key = "garbage-" + UUID.randomUUID();
    byte[] garbage = "not an Avro record".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<>(stack.serdeConfig()),
        new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.ALERTS.name(), key, garbage)).get();
    }
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      dlq.subscribe(List.of(Topics.ESCALATION_DLQ.name()));
      Instant deadline = Instant.now().plusSeconds(30);
      while (Instant.now().isBefore(deadline)) {
        for (var record : dlq.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            assertThat(record.value()).isEqualTo(garbage);
            assertThat(record.headers().lastHeader("lifeline.dlq.reason")).isNotNull();
            return;
          }
        }
      }
    }
    throw new AssertionError("the undecodable record did not reach " + Topics.ESCALATION_DLQ.name());
  }

  /** The operator API: reads from the stores, writes need the API key and a From header, and reach the stream. */
  private void acknowledgeOverTheApi(ConfigurableApplicationContext service, String incidentId) throws Exception {
    String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port") + "/api/v1/incidents/";
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> incident = http.send(HttpRequest.newBuilder(URI.create(base + incidentId)).build(),
        HttpResponse.BodyHandlers.ofString());
    Instant deadline = Instant.now().plusSeconds(30);
    while (incident.statusCode() == 503 && Instant.now().isBefore(deadline)) {
      // A rebalance (the restarted instance restoring from changelogs) makes the store briefly unavailable.
      incident = http.send(HttpRequest.newBuilder(URI.create(base + incidentId)).build(), HttpResponse.BodyHandlers.ofString());
    }
    assertThat(incident.statusCode()).isEqualTo(200);
    assertThat(incident.body()).contains("\"status\":\"triggered\"", "\"escalation_level\":3");

    HttpRequest.Builder acknowledge = HttpRequest.newBuilder(URI.create(base + incidentId + "/acknowledge"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"on it\"}"));
    assertThat(http.send(acknowledge.copy().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .as("no API key").isEqualTo(401);
    HttpResponse<String> noFrom = http.send(acknowledge.copy().header("Authorization", "Bearer " + KafkaStack.TEST_API_KEY)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noFrom.statusCode()).as("no From header").isEqualTo(400);
    assertThat(noFrom.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> accepted = http.send(acknowledge.copy().header("Authorization", "Bearer " + KafkaStack.TEST_API_KEY)
        .header("From", "alice@example.com").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).isEqualTo(202);

    IncidentAcknowledged acknowledged = (IncidentAcknowledged) await(event -> event instanceof IncidentAcknowledged a
        && a.getIncidentId().equals(incidentId), Duration.ofSeconds(10));
    assertThat(acknowledged.getActor().getId()).isEqualTo("alice@example.com");
    assertThat(acknowledged.getNote()).isEqualTo("on it");
  }

  private ConfigurableApplicationContext start(KafkaStack stack, Path stateDir) throws Exception {
    Files.createDirectories(stateDir);
    // Command-line arguments: they win over application.yml (builder default properties would not).
    return new SpringApplicationBuilder(EscalationApplication.class).run("--server.port=0",
        "--lifeline.escalation.state-dir=" + stateDir, "--lifeline.escalation.delay-divisor=" + DIVISOR);
  }

  private static Instant publish(KafkaStack stack, String fingerprint) throws Exception {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
        serializer(stack))) {
      Instant now = Instant.now();
      producer.send(new ProducerRecord<>(Topics.ALERTS.name(), fingerprint, AlertRaised.newBuilder()
          .setEventId(UUID.randomUUID()).setOccurredAt(now).setSource("e2e").setFingerprint(fingerprint)
          .setSourceType(AlertSourceType.generic).setService("checkout").setSeverity(Severity.SEV1)
          .setSummary("checkout database unreachable").build())).get();
      return now;
    }
  }

  private SpecificRecord await(Predicate<SpecificRecord> wanted, Duration timeout) {
    for (SpecificRecord event : seen) {
      if (wanted.test(event)) {
        return event;
      }
    }
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      int from = seen.size();
      consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
      for (SpecificRecord event : seen.subList(from, seen.size())) {
        if (wanted.test(event)) {
          return event;
        }
      }
    }
    throw new AssertionError("not seen within " + timeout + "; seen: " + seen);
  }

  private void drain(Duration time) {
    Instant deadline = Instant.now().plus(time);
    while (Instant.now().isBefore(deadline)) {
      consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
    }
  }

  private static LifelineAvroSerializer serializer(KafkaStack stack) {
    LifelineAvroSerializer serializer = new LifelineAvroSerializer();
    serializer.configure(stack.serdeConfig(), false);
    return serializer;
  }

  private static LifelineAvroDeserializer deserializer(KafkaStack stack) {
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer();
    deserializer.configure(stack.serdeConfig(), false);
    return deserializer;
  }
}
