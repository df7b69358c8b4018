package io.codelibra.lifeline.failover.pair;

import static io.codelibra.lifeline.failover.pair.PairRecords.PAIR;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.FailoverAction;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.failover.region.FailoverPolicy;
import io.codelibra.lifeline.failover.region.PairEvents;
import io.codelibra.lifeline.failover.region.PairPhase;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.failover.region.RegionStateMachine;
import io.codelibra.lifeline.events.FailoverActionRequested;
import io.codelibra.lifeline.schemas.topics.DeadLetterHeaders;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.testing.avro.ClassTaggedAvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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

/** The pair's single writer through the real topology: automatic failover, run results, failback window and approval, refusals, dead letters. */
class PairTopologyTest {

  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration WINDOW = Duration.ofSeconds(30);

  private final ClassTaggedAvroSerde serde = new ClassTaggedAvroSerde();
  private final PublishedPair published = new PublishedPair();
  private final AtomicInteger runs = new AtomicInteger();
  private TopologyTestDriver driver;
  private TestInputTopic<String, SpecificRecord> events;
  private TestInputTopic<String, SpecificRecord> commands;
  private TestInputTopic<String, byte[]> rawCommands;
  private TestOutputTopic<String, SpecificRecord> requests;
  private TestOutputTopic<String, SpecificRecord> alerts;
  private TestOutputTopic<String, SpecificRecord> failoverEvents;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() {
    RegionPair pair = new RegionPair("us-east-1", "us-west-2");
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(PairStore.builder());
    new PairTopology(pair, new RegionStateMachine(new FailoverPolicy(true, WINDOW, true), () -> "run-" + runs.incrementAndGet()),
        new PairEvents(pair, "vibe-platform", UUID::randomUUID), published, Duration.ofSeconds(1))
        .attach(builder.stream(List.of(Topics.FAILOVER_EVENTS.name(), Topics.FAILOVER_COMMANDS.name()),
            Consumed.with(Serdes.String(), Serdes.ByteArray())), serde.deserializer(), serde.serializer());
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "failover-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(builder.build(), config, START);
    events = driver.createInputTopic(Topics.FAILOVER_EVENTS.name(), new StringSerializer(), serde.serializer());
    commands = driver.createInputTopic(Topics.FAILOVER_COMMANDS.name(), new StringSerializer(), serde.serializer());
    rawCommands = driver.createInputTopic(Topics.FAILOVER_COMMANDS.name(), new StringSerializer(), new ByteArraySerializer());
    requests = driver.createOutputTopic(Topics.FAILOVER_REQUESTS.name(), new StringDeserializer(), serde.deserializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), new StringDeserializer(), serde.deserializer());
    failoverEvents = driver.createOutputTopic(Topics.FAILOVER_EVENTS.name(), new StringDeserializer(), serde.deserializer());
    deadLetters = driver.createOutputTopic(Topics.FAILOVER_DLQ.name(), new StringDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void unhealthyPrimaryRaisesACriticalAlarmAndRequestsAnAutomaticFailoverFencedByEpochOne() {
    events.pipeInput(PAIR, PairRecords.health("us-west-2", RegionHealth.healthy, START));
    RegionHealthChanged down = PairRecords.health("us-east-1", RegionHealth.unhealthy, START.plusSeconds(5));
    events.pipeInput(PAIR, down);

    TestRecord<String, SpecificRecord> alarm = alerts.readRecord();
    assertThat(alarm.key()).isEqualTo("region-unhealthy:us-east-1");
    assertThat(((AlertRaised) alarm.value()).getSeverity()).isEqualTo(Severity.SEV1);
    TestRecord<String, SpecificRecord> request = requests.readRecord();
    assertThat(request.key()).isEqualTo(PAIR);
    FailoverRequested failover = (FailoverRequested) request.value();
    assertThat(failover.getTrigger()).isEqualTo(FailoverTrigger.automatic);
    assertThat(failover.getDirection()).isEqualTo(FailoverDirection.failover);
    assertThat(failover.getEpoch()).isEqualTo(1);
    assertThat(failover.getToRegion()).isEqualTo("us-west-2");
    assertThat(failover.getDetectedAt()).isEqualTo(down.getOccurredAt());
    assertThat(failover.getTriggerEventId()).isEqualTo(down.getEventId());
    assertThat(published.current()).hasValueSatisfying(state -> assertThat(state.phase()).isEqualTo(PairPhase.FAILING_OVER));
    assertThat(requests.isEmpty()).isTrue();
  }

  @Test
  void afterTheRunThePrimaryMustStayHealthyForTheWindowAndFailbackWaitsForApproval() throws Exception {
    events.pipeInput(PAIR, PairRecords.health("us-west-2", RegionHealth.healthy, START));
    events.pipeInput(PAIR, PairRecords.health("us-east-1", RegionHealth.unhealthy, START));
    FailoverRequested failover = (FailoverRequested) requests.readValue();
    alerts.readValuesToList();
    events.pipeInput(PAIR, PairRecords.completed(failover, RunOutcome.succeeded, START.plusSeconds(2)));
    assertThat(published.current().orElseThrow().phase()).isEqualTo(PairPhase.FAILED_OVER);

    driver.advanceWallClockTime(Duration.ofSeconds(10));
    events.pipeInput(PAIR, PairRecords.health("us-east-1", RegionHealth.healthy, START.plusSeconds(10)));
    assertThat(published.current().orElseThrow().phase()).isEqualTo(PairPhase.RECOVERING);
    driver.advanceWallClockTime(Duration.ofSeconds(20));
    assertThat(failoverEvents.isEmpty()).as("not restored inside the window").isTrue();

    driver.advanceWallClockTime(Duration.ofSeconds(12));
    RegionRestored restored = (RegionRestored) failoverEvents.readValue();
    assertThat(restored.getRegion()).isEqualTo("us-east-1");
    assertThat(restored.getFailbackRequiresApproval()).isTrue();
    assertThat(alerts.readValue()).isInstanceOf(AlertResolved.class);
    assertThat(requests.isEmpty()).as("failback waits for an operator").isTrue();

    FailoverActionRequested approval = PairRecords.command(FailoverAction.approve_failback, 0, false, START.plusSeconds(45));
    commands.pipeInput(PAIR, approval);
    FailoverRequested failback = (FailoverRequested) requests.readValue();
    assertThat(failback.getDirection()).isEqualTo(FailoverDirection.failback);
    assertThat(failback.getEpoch()).isEqualTo(2);
    assertThat(failback.getRequestedBy().getId()).isEqualTo("oncall@example.com");
    PairDecision decision = published.awaitDecision(approval.getEventId().toString(), Duration.ZERO).orElseThrow();
    assertThat(decision.accepted()).isTrue();
    assertThat(decision.failoverId()).isEqualTo(failback.getFailoverId());

    events.pipeInput(PAIR, PairRecords.completed(failback, RunOutcome.succeeded, START.plusSeconds(50)));
    assertThat(published.current().orElseThrow().phase()).isEqualTo(PairPhase.HEALTHY);
  }

  @Test
  void aStaleManualRequestIsRefusedAndAnsweredWithTheReason() throws Exception {
    events.pipeInput(PAIR, PairRecords.health("us-west-2", RegionHealth.healthy, START));
    FailoverActionRequested first = PairRecords.command(FailoverAction.failover, 1, false, START.plusSeconds(1));
    FailoverActionRequested stale = PairRecords.command(FailoverAction.failover, 1, false, START.plusSeconds(2));
    commands.pipeInput(PAIR, first);
    commands.pipeInput(PAIR, stale);

    assertThat(requests.readValuesToList()).singleElement()
        .satisfies(request -> assertThat(((FailoverRequested) request).getTrigger()).isEqualTo(FailoverTrigger.manual));
    assertThat(published.awaitDecision(first.getEventId().toString(), Duration.ZERO).orElseThrow().accepted()).isTrue();
    PairDecision refused = published.awaitDecision(stale.getEventId().toString(), Duration.ZERO).orElseThrow();
    assertThat(refused.accepted()).isFalse();
    assertThat(refused.detail()).contains("stale request");
  }

  @Test
  void aDryRunIsReportedAndChangesNothing() throws Exception {
    events.pipeInput(PAIR, PairRecords.health("us-west-2", RegionHealth.healthy, START));
    FailoverActionRequested drill = PairRecords.command(FailoverAction.failover, 1, true, START.plusSeconds(1));
    commands.pipeInput(PAIR, drill);

    FailoverRequested request = (FailoverRequested) requests.readValue();
    assertThat(request.getDryRun()).isTrue();
    assertThat(request.getTrigger()).isEqualTo(FailoverTrigger.drill);
    assertThat(published.current().orElseThrow().phase()).isEqualTo(PairPhase.HEALTHY);
    assertThat(published.current().orElseThrow().epoch()).isZero();
    events.pipeInput(PAIR, PairRecords.completed(request, RunOutcome.succeeded, START.plusSeconds(2)));
    assertThat(published.current().orElseThrow().phase()).isEqualTo(PairPhase.HEALTHY);
  }

  @Test
  void aRequestForAnotherPairIsRefused() throws Exception {
    FailoverActionRequested other = PairRecords.command(FailoverAction.failover, 1, false, START);
    commands.pipeInput("eu-west-1/eu-central-1", other);

    assertThat(requests.isEmpty()).isTrue();
    assertThat(published.awaitDecision(other.getEventId().toString(), Duration.ZERO).orElseThrow().detail())
        .contains("unknown region pair 'eu-west-1/eu-central-1'");
  }

  @Test
  void undecodableRecordsGoToTheDeadLetterTopicUnchanged() {
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    rawCommands.pipeInput(PAIR, garbage);

    TestRecord<String, byte[]> dead = deadLetters.readRecord();
    assertThat(dead.value()).isEqualTo(garbage);
    assertThat(dead.headers().lastHeader(DeadLetterHeaders.REASON)).isNotNull();
    assertThat(requests.isEmpty()).isTrue();
  }
}
