package io.codelibra.lifeline.escalation.stream;

import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.MANAGER;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.PRIMARY;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.testing.avro.ClassTaggedAvroSerde;
import io.codelibra.lifeline.escalation.incident.RfcPolicyFixture;
import io.codelibra.lifeline.escalation.policy.EscalationCatalog;
import io.codelibra.lifeline.escalation.policy.ServiceSettings;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.EscalationReason;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentAction;
import io.codelibra.lifeline.events.IncidentActionRequested;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.MaintenanceStarted;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.ResolutionReason;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RFC's policy through the real topology, on wall-clock punctuation (TopologyTestDriver's mock clock). */
class RfcEscalationTopologyTest {

  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(1);

  private final ClassTaggedAvroSerde serde = new ClassTaggedAvroSerde();
  private TopologyTestDriver driver;
  private TestInputTopic<String, SpecificRecord> alerts;
  private TestInputTopic<String, SpecificRecord> commands;
  private TestInputTopic<String, SpecificRecord> maintenance;
  private TestOutputTopic<String, SpecificRecord> incidents;
  private TestOutputTopic<String, SpecificRecord> notifications;
  private TestInputTopic<String, byte[]> rawAlerts;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() {
    start(RfcPolicyFixture.catalog(0, Map.of()));
  }

  private void start(EscalationCatalog catalog) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(IncidentStores.incidents());
    builder.addStateStore(IncidentStores.openByRoutingKey());
    builder.addStateStore(IncidentStores.timers());
    builder.globalTable(Topics.STATUS_MAINTENANCE.name(), Consumed.with(Serdes.String(), serde),
        Materialized.<String, SpecificRecord, KeyValueStore<Bytes, byte[]>>as(IncidentStores.MAINTENANCE)
            .withKeySerde(Serdes.String()).withValueSerde(serde));
    new EscalationTopology(RfcPolicyFixture.engine(catalog,
        RfcPolicyFixture.emailEveryone(), RfcPolicyFixture.noSchedules()), Duration.ofMillis(200), RETENTION,
        EscalationMetrics.detached())
        .attach(builder.stream(List.of(Topics.ALERTS.name(), Topics.INCIDENT_COMMANDS.name()),
            Consumed.with(Serdes.String(), Serdes.ByteArray())), serde.deserializer(), serde, serde, IncidentStores.MAINTENANCE);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "escalation-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(builder.build(), config, START);
    alerts = driver.createInputTopic(Topics.ALERTS.name(), new StringSerializer(), serde.serializer());
    commands = driver.createInputTopic(Topics.INCIDENT_COMMANDS.name(), new StringSerializer(), serde.serializer());
    maintenance = driver.createInputTopic(Topics.STATUS_MAINTENANCE.name(), new StringSerializer(), serde.serializer());
    incidents = driver.createOutputTopic(Topics.INCIDENTS.name(), new StringDeserializer(), serde.deserializer());
    notifications = driver.createOutputTopic(Topics.NOTIFICATIONS.name(), new StringDeserializer(), serde.deserializer());
    rawAlerts = driver.createInputTopic(Topics.ALERTS.name(), new StringSerializer(), new ByteArraySerializer());
    deadLetters = driver.createOutputTopic(Topics.ESCALATION_DLQ.name(), new StringDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void pagesPrimaryThenSecondaryAtFifteenMinutesThenManagerAtThirtyAndStopsOnAcknowledge() {
    alerts.pipeInput("db-down", alert("db-down", Severity.SEV1), START);

    IncidentOpened opened = (IncidentOpened) incidents.readValue();
    assertThat(opened.getAssignedUserIds()).containsExactly(PRIMARY);
    assertThat(opened.getNextEscalationAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    assertThat(paged()).containsExactly(PRIMARY);

    driver.advanceWallClockTime(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(incidents.isEmpty()).as("nothing before +15 min").isTrue();
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    IncidentEscalated second = (IncidentEscalated) incidents.readValue();
    assertThat(second.getLevel()).isEqualTo(2);
    assertThat(second.getPreviousLevel()).isEqualTo(1);
    assertThat(second.getReason()).isEqualTo(EscalationReason.timeout);
    assertThat(second.getResolvedUserIds()).containsExactly(SECONDARY);
    assertThat(second.getNextEscalationAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
    assertThat(paged()).containsExactly(SECONDARY);

    driver.advanceWallClockTime(Duration.ofMinutes(15));
    IncidentEscalated manager = (IncidentEscalated) incidents.readValue();
    assertThat(manager.getLevel()).isEqualTo(3);
    assertThat(manager.getOccurredAt()).isBetween(START.plus(Duration.ofMinutes(30)), START.plus(Duration.ofMinutes(30).plusSeconds(1)));
    assertThat(manager.getResolvedUserIds()).containsExactly(MANAGER);
    assertThat(manager.getNextEscalationAt()).as("last level, no loops").isNull();
    assertThat(paged()).containsExactly(MANAGER);

    commands.pipeInput("db-down", action(opened.getIncidentId(), "db-down", IncidentAction.acknowledge));
    IncidentAcknowledged acknowledged = (IncidentAcknowledged) incidents.readValue();
    assertThat(acknowledged.getActor().getId()).isEqualTo("alice");
    assertThat(acknowledged.getLevel()).isEqualTo(3);

    driver.advanceWallClockTime(Duration.ofHours(2));
    assertThat(incidents.isEmpty()).isTrue();
    assertThat(notifications.isEmpty()).isTrue();
  }

  @Test
  void anAcknowledgementBeforeFifteenMinutesMeansTheSecondaryIsNeverPaged() {
    alerts.pipeInput("db-down", alert("db-down", Severity.SEV2), START);
    IncidentOpened opened = (IncidentOpened) incidents.readValue();
    paged();
    driver.advanceWallClockTime(Duration.ofMinutes(10));
    commands.pipeInput("db-down", action(opened.getIncidentId(), "db-down", IncidentAction.acknowledge));
    assertThat(incidents.readValue()).isInstanceOf(IncidentAcknowledged.class);

    driver.advanceWallClockTime(Duration.ofHours(1));
    assertThat(incidents.isEmpty()).isTrue();
    assertThat(notifications.isEmpty()).isTrue();
  }

  @Test
  void aRepeatedTriggerJoinsTheOpenIncidentWithoutPagingAgainAndTheSourceResolvesIt() {
    alerts.pipeInput("db-down", alert("db-down", Severity.SEV1), START);
    IncidentOpened opened = (IncidentOpened) incidents.readValue();
    paged();
    alerts.pipeInput("db-down", alert("db-down", Severity.SEV1), START.plusSeconds(30));
    assertThat(incidents.isEmpty()).isTrue();
    assertThat(notifications.isEmpty()).isTrue();

    alerts.pipeInput("db-down", resolved("db-down"));
    IncidentResolved resolvedEvent = (IncidentResolved) incidents.readValue();
    assertThat(resolvedEvent.getIncidentId()).isEqualTo(opened.getIncidentId());
    assertThat(resolvedEvent.getReason()).isEqualTo(ResolutionReason.alert_resolved);
    assertThat(resolvedEvent.getAlertCount()).isEqualTo(2);

    driver.advanceWallClockTime(Duration.ofHours(1));
    assertThat(incidents.isEmpty()).as("no escalation after resolve").isTrue();

    alerts.pipeInput("db-down", alert("db-down", Severity.SEV1));
    IncidentOpened again = (IncidentOpened) incidents.readValue();
    assertThat(again.getIncidentId()).as("a new incident after the old one resolved").isNotEqualTo(opened.getIncidentId());
  }

  @Test
  void lowUrgencyNotifiesWithoutEscalating() {
    alerts.pipeInput("disk-80", alert("disk-80", Severity.SEV3), START);
    IncidentOpened opened = (IncidentOpened) incidents.readValue();
    assertThat(opened.getNextEscalationAt()).isNull();
    assertThat(paged()).containsExactly(PRIMARY);
    driver.advanceWallClockTime(Duration.ofHours(2));
    assertThat(incidents.isEmpty()).isTrue();
  }

  @Test
  void anAlertDuringMaintenanceOpensASuppressedIncidentThatDoesNotPage() {
    maintenance.pipeInput("mw-1", MaintenanceStarted.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(START).setSource("statuspage-service").setMaintenanceId("mw-1")
        .setComponentIds(List.of("checkout")).setScheduledUntil(START.plus(Duration.ofHours(1)))
        .setActor(new Actor(ActorType.system, "statuspage-service", null)).build());
    alerts.pipeInput("db-down", alert("db-down", Severity.SEV1), START);
    IncidentOpened opened = (IncidentOpened) incidents.readValue();
    assertThat(opened.getSuppressed()).isTrue();
    assertThat(opened.getMaintenanceId()).isEqualTo("mw-1");
    assertThat(notifications.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofHours(1));
    assertThat(incidents.isEmpty()).isTrue();
  }

  @Test
  void timersSurviveTheStoreRoundTripAndFireWithinOneTick() {
    alerts.pipeInput("db-down", alert("db-down", Severity.SEV1), START);
    incidents.readValue();
    paged();
    KeyValueStore<String, String> timers = driver.getKeyValueStore(IncidentStores.TIMERS);
    assertThat(timers.approximateNumEntries()).isEqualTo(1);
    driver.advanceWallClockTime(Duration.ofMinutes(15).plusMillis(200));
    IncidentEscalated escalated = (IncidentEscalated) incidents.readValue();
    assertThat(Duration.between(START.plus(Duration.ofMinutes(15)), escalated.getOccurredAt())).isLessThanOrEqualTo(Duration.ofMillis(200));
    assertThat(timers.approximateNumEntries()).isEqualTo(1);
  }

  @Test
  void anAlertAfterTheGroupingWindowOpensANewIncidentAndTheFirstKeepsItsTimer() {
    driver.close();
    start(RfcPolicyFixture.catalog(0, Map.of("checkout",
        new ServiceSettings("checkout", RfcPolicyFixture.POLICY, Map.of(), true, Optional.of(Duration.ofMinutes(5))))));
    alerts.pipeInput("db-down", alert("db-down", Severity.SEV1), START);
    IncidentOpened first = (IncidentOpened) incidents.readValue();
    alerts.pipeInput("api-5xx", alert("api-5xx", Severity.SEV1), START.plusSeconds(60));
    assertThat(incidents.isEmpty()).as("joins the first incident within 5 min").isTrue();

    driver.advanceWallClockTime(Duration.ofMinutes(6));
    alerts.pipeInput("disk-full", alert("disk-full", Severity.SEV1));
    IncidentOpened second = (IncidentOpened) incidents.readValue();
    assertThat(second.getIncidentId()).isNotEqualTo(first.getIncidentId());

    driver.advanceWallClockTime(Duration.ofMinutes(9));
    IncidentEscalated firstEscalates = (IncidentEscalated) incidents.readValue();
    assertThat(firstEscalates.getIncidentId()).as("the first incident's timer survived").isEqualTo(first.getIncidentId());
    commands.pipeInput("group:checkout", action(second.getIncidentId(), "group:checkout", IncidentAction.acknowledge));
    assertThat(((IncidentAcknowledged) incidents.readValue()).getIncidentId()).isEqualTo(second.getIncidentId());
  }

  @Test
  void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicUnchangedAndProcessingGoesOn() {
    byte[] garbage = "not an Avro record".getBytes(StandardCharsets.UTF_8);
    rawAlerts.pipeInput("bad-1", garbage);
    rawAlerts.pipeInput("bad-2", new byte[0]);
    alerts.pipeInput("db-down", alert("db-down", Severity.SEV1), START);

    List<TestRecord<String, byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).extracting(TestRecord::key).containsExactly("bad-1", "bad-2");
    assertThat(letters.get(0).value()).isEqualTo(garbage);
    assertThat(header(letters.get(0), "lifeline.dlq.reason")).isEqualTo("undecodable");
    assertThat(header(letters.get(0), "lifeline.dlq.source-topic")).isEqualTo(Topics.ALERTS.name());
    assertThat(header(letters.get(0), "lifeline.dlq.error")).isNotBlank();
    assertThat(header(letters.get(1), "lifeline.dlq.error")).isEqualTo("empty value");
    assertThat(incidents.readValue()).as("the next good alert is processed").isInstanceOf(IncidentOpened.class);
  }

  @Test
  void aResolvedIncidentLeavesTheStoresAfterItsRetention() {
    alerts.pipeInput("db-down", alert("db-down", Severity.SEV1), START);
    IncidentOpened opened = (IncidentOpened) incidents.readValue();
    commands.pipeInput("db-down", action(opened.getIncidentId(), "db-down", IncidentAction.resolve));
    assertThat(incidents.readValue()).isInstanceOf(IncidentResolved.class);
    KeyValueStore<String, Object> byId = driver.getKeyValueStore(IncidentStores.INCIDENTS);
    KeyValueStore<String, String> timers = driver.getKeyValueStore(IncidentStores.TIMERS);

    driver.advanceWallClockTime(RETENTION.minusMinutes(1));
    assertThat(byId.get(opened.getIncidentId())).as("still queryable within the retention").isNotNull();
    driver.advanceWallClockTime(Duration.ofMinutes(2));
    assertThat(byId.get(opened.getIncidentId())).isNull();
    assertThat(timers.approximateNumEntries()).isZero();
    assertThat(incidents.isEmpty()).isTrue();
  }

  private static String header(TestRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private List<String> paged() {
    return notifications.readValuesToList().stream().map(value -> ((NotificationRequested) value).getUserId()).toList();
  }

  private static AlertRaised alert(String fingerprint, Severity severity) {
    return AlertRaised.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(START).setSource("alertmanager")
        .setFingerprint(fingerprint).setSourceType(AlertSourceType.alertmanager).setService("checkout")
        .setSeverity(severity).setSummary("checkout database unreachable").build();
  }

  private static AlertResolved resolved(String fingerprint) {
    return AlertResolved.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(START).setSource("alertmanager")
        .setFingerprint(fingerprint).setSourceType(AlertSourceType.alertmanager).setService("checkout").build();
  }

  private static IncidentActionRequested action(String incidentId, String routingKey, IncidentAction action) {
    return IncidentActionRequested.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(START)
        .setSource("escalation-service").setIncidentId(incidentId).setRoutingKey(routingKey).setAction(action)
        .setActor(new Actor(ActorType.user, "alice", "Alice")).build();
  }
}
