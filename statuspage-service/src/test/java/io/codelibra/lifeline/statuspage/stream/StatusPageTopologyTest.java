package io.codelibra.lifeline.statuspage.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.ComponentOverride;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.MaintenanceCompleted;
import io.codelibra.lifeline.events.MaintenancePlan;
import io.codelibra.lifeline.events.MaintenanceScheduled;
import io.codelibra.lifeline.events.MaintenanceStarted;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.statuspage.config.PageConfiguration;
import io.codelibra.lifeline.statuspage.config.ShippedConfiguration;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import io.codelibra.lifeline.statuspage.page.StatusPageEngine;
import io.codelibra.lifeline.testing.avro.ClassTaggedAvroSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shipped demo page through the real topology: incident, region-outage and maintenance flows, refusals, dead letters. */
class StatusPageTopologyTest {

  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  private final ClassTaggedAvroSerde serde = new ClassTaggedAvroSerde();
  private final PublishedPage published = new PublishedPage();
  private TopologyTestDriver driver;
  private TestInputTopic<String, SpecificRecord> incidents;
  private TestInputTopic<String, SpecificRecord> failover;
  private TestInputTopic<String, SpecificRecord> commands;
  private TestInputTopic<String, byte[]> rawIncidents;
  private TestOutputTopic<String, SpecificRecord> components;
  private TestOutputTopic<String, SpecificRecord> statusIncidents;
  private TestOutputTopic<String, SpecificRecord> maintenance;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() {
    PageConfiguration configuration = ShippedConfiguration.page();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(PageStore.builder());
    new StatusPageTopology(new StatusPageEngine(configuration.definition(), configuration.rules(), configuration.templates(),
        UUID::randomUUID), configuration.settings(), published, Duration.ofSeconds(1), new StatusPageMetrics(new SimpleMeterRegistry()))
        .attach(builder.stream(List.of(Topics.INCIDENTS.name(), Topics.FAILOVER_EVENTS.name(), Topics.STATUS_COMMANDS.name()),
            Consumed.with(Serdes.String(), Serdes.ByteArray())), serde.deserializer(), serde, serde.serializer());
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "statuspage-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(builder.build(), config, START);
    incidents = driver.createInputTopic(Topics.INCIDENTS.name(), new StringSerializer(), serde.serializer());
    failover = driver.createInputTopic(Topics.FAILOVER_EVENTS.name(), new StringSerializer(), serde.serializer());
    commands = driver.createInputTopic(Topics.STATUS_COMMANDS.name(), new StringSerializer(), serde.serializer());
    rawIncidents = driver.createInputTopic(Topics.INCIDENTS.name(), new StringSerializer(), new ByteArraySerializer());
    components = driver.createOutputTopic(Topics.STATUS_COMPONENTS.name(), new StringDeserializer(), serde.deserializer());
    statusIncidents = driver.createOutputTopic(Topics.STATUS_INCIDENTS.name(), new StringDeserializer(), serde.deserializer());
    maintenance = driver.createOutputTopic(Topics.STATUS_MAINTENANCE.name(), new StringDeserializer(), serde.deserializer());
    deadLetters = driver.createOutputTopic(Topics.STATUSPAGE_DLQ.name(), new StringDeserializer(), new ByteArrayDeserializer());
    driver.advanceWallClockTime(Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void configuredComponentsArePublishedOperationalOnStart() {
    Map<String, ComponentStatus> statuses = statuses();

    assertThat(statuses).containsOnlyKeys("web", "api", "checkout", "database", "cache").containsValue(ComponentStatus.operational);
    assertThat(page().components()).allSatisfy(component -> assertThat(component.status()).isEqualTo(ComponentStatus.operational));
  }

  @Test
  void sev1CheckoutIncidentTakesCheckoutAndApiDownUntilResolved() {
    statuses();
    incidents.pipeInput("inc-1", InputEvents.opened("inc-1", "checkout-api", Severity.SEV1, "Checkout 5xx above 5 %", START));

    assertThat(statuses()).containsExactly(Map.entry("checkout", ComponentStatus.major_outage), Map.entry("api", ComponentStatus.major_outage));
    StatusIncidentUpdated posted = (StatusIncidentUpdated) statusIncidents.readValue();
    assertThat(posted.getStatus()).isEqualTo(StatusIncidentStatus.investigating);
    assertThat(posted.getImpact()).isEqualTo(StatusIncidentImpact.critical);
    assertThat(posted.getName()).isEqualTo("Checkout: Checkout 5xx above 5 %");
    assertThat(posted.getLifelineIncidentId()).isEqualTo("inc-1");
    assertThat(page().incidents()).singleElement().satisfies(incident -> assertThat(incident.open()).isTrue());

    incidents.pipeInput("inc-1", InputEvents.resolved("inc-1", START.plusSeconds(600)));

    assertThat(statuses()).containsOnly(Map.entry("checkout", ComponentStatus.operational), Map.entry("api", ComponentStatus.operational));
    assertThat(((StatusIncidentUpdated) statusIncidents.readValue()).getStatus()).isEqualTo(StatusIncidentStatus.resolved);
  }

  @Test
  void regionOutageGoesMajorThenMonitoringThenOperationalWithTemplatedTexts() {
    statuses();
    failover.pipeInput(InputEvents.PAIR, InputEvents.health(RegionHealth.unhealthy, START));
    assertThat(statuses()).hasSize(5).containsValue(ComponentStatus.major_outage).doesNotContainValue(ComponentStatus.operational);
    StatusIncidentUpdated investigating = (StatusIncidentUpdated) statusIncidents.readValue();
    assertThat(investigating.getBody()).contains("primary region (us-east-1)").contains("us-west-2").contains("2026-11-25 10:00 UTC");
    assertThat(investigating.getRegionPair()).isEqualTo(InputEvents.PAIR);

    failover.pipeInput(InputEvents.PAIR, InputEvents.failedOver(START.plusSeconds(60), false));
    assertThat(statuses()).hasSize(5).containsValue(ComponentStatus.degraded_performance)
        .doesNotContainValue(ComponentStatus.major_outage);
    StatusIncidentUpdated monitoring = (StatusIncidentUpdated) statusIncidents.readValue();
    assertThat(monitoring.getStatus()).isEqualTo(StatusIncidentStatus.monitoring);
    assertThat(monitoring.getIncidentId()).isEqualTo(investigating.getIncidentId());

    failover.pipeInput(InputEvents.PAIR, InputEvents.restored(START.plusSeconds(3600)));
    assertThat(statuses()).hasSize(5).containsValue(ComponentStatus.operational);
    assertThat(((StatusIncidentUpdated) statusIncidents.readValue()).getStatus()).isEqualTo(StatusIncidentStatus.resolved);
  }

  @Test
  void overrideWinsOverTheRegionOutage() {
    statuses();
    commands.pipeInput("vibe-platform", InputEvents.change(new ComponentOverride("cache", ComponentStatus.operational, "cache is regional"), START));
    assertThat(components.readValue()).as("the override is announced though the status stays")
        .satisfies(event -> assertThat(((ComponentStatusChanged) event).getManualOverride()).isTrue());
    failover.pipeInput(InputEvents.PAIR, InputEvents.health(RegionHealth.unhealthy, START));

    assertThat(statuses()).hasSize(4).doesNotContainKey("cache");
    assertThat(page().component("cache").orElseThrow().override()).isNotNull();
  }

  @Test
  void maintenanceStartsAndCompletesOnItsOwnAtItsTimes() {
    statuses();
    Instant from = START.plus(Duration.ofMinutes(10));
    commands.pipeInput("vibe-platform", InputEvents.change(MaintenancePlan.newBuilder().setMaintenanceId("m-1").setTitle("Database upgrade")
        .setComponentIds(List.of("database")).setScheduledFor(from).setScheduledUntil(from.plus(Duration.ofMinutes(30))).build(), START));
    assertThat(maintenance.readValue()).isInstanceOf(MaintenanceScheduled.class);

    driver.advanceWallClockTime(Duration.ofMinutes(9));
    assertThat(maintenance.isEmpty()).isTrue();
    driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(((MaintenanceStarted) maintenance.readValue()).getAutomatic()).isTrue();
    assertThat(statuses()).containsExactly(Map.entry("database", ComponentStatus.under_maintenance));

    driver.advanceWallClockTime(Duration.ofMinutes(30));
    MaintenanceCompleted completed = (MaintenanceCompleted) maintenance.readValue();
    assertThat(completed.getDurationMs()).isBetween(Duration.ofMinutes(30).toMillis(), Duration.ofMinutes(30).plusSeconds(1).toMillis());
    assertThat(statuses()).containsExactly(Map.entry("database", ComponentStatus.operational));
  }

  @Test
  void refusedChangeIsAuditedAndChangesNothing() {
    statuses();
    long version = page().version();
    commands.pipeInput("vibe-platform", InputEvents.change(new ComponentOverride("ghost", ComponentStatus.major_outage, "typo"), START));

    assertThat(components.isEmpty()).isTrue();
    assertThat(page().version()).isGreaterThan(version);
    assertThat(page().audit()).singleElement().satisfies(entry -> {
      assertThat(entry.applied()).isFalse();
      assertThat(entry.outcome()).contains("no component ghost");
      assertThat(entry.actorId()).isEqualTo("alice@example.com");
    });
  }

  @Test
  void undecodableInputIsDeadLetteredUnchangedWithTheReason() {
    statuses();
    rawIncidents.pipeInput("inc-9", "not avro".getBytes(StandardCharsets.UTF_8));

    TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
    assertThat(new String(letter.headers().lastHeader("lifeline.dlq.reason").value(), StandardCharsets.UTF_8)).isEqualTo("undecodable");
    assertThat(new String(letter.headers().lastHeader("lifeline.dlq.source-topic").value(), StandardCharsets.UTF_8)).isEqualTo("incidents");
  }

  private PageSnapshot page() {
    return published.current().orElseThrow();
  }

  /** Status changes emitted since the last call, by component, in order. */
  private Map<String, ComponentStatus> statuses() {
    Map<String, ComponentStatus> statuses = new LinkedHashMap<>();
    for (SpecificRecord value : components.readValuesToList()) {
      ComponentStatusChanged changed = (ComponentStatusChanged) value;
      statuses.put(changed.getComponentId(), changed.getStatus());
    }
    return statuses;
  }
}
