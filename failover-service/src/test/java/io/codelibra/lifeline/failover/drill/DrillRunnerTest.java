package io.codelibra.lifeline.failover.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.DrillChecklistItemRecorded;
import io.codelibra.lifeline.events.DrillCompleted;
import io.codelibra.lifeline.events.DrillPhase;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.failover.database.DatabaseReadiness;
import io.codelibra.lifeline.failover.database.ReadinessCheck;
import io.codelibra.lifeline.failover.executor.TargetHealth;
import io.codelibra.lifeline.failover.health.HealthCheckDefinition;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DrillRunnerTest {

  private static final Actor OPERATOR = new Actor(ActorType.user, "oncall@example.com", null);

  private final ScriptedRegionPair world = new ScriptedRegionPair();
  private TargetHealth targetHealth = region -> region + " healthy (3 of 3 checkers)";
  private final ReadinessCheck readiness = () -> new DatabaseReadiness(true, List.of(), List.of());

  @Test
  void liveDrillBreaksThePrimaryRecordsTheWholeChecklistAndReportsEachPhase() {
    DrillCompleted report = runner(true).run(drill(DrillMode.LIVE, true));

    assertThat(report.getOutcome()).as("error: %s", report.getError()).isEqualTo(RunOutcome.succeeded);
    assertThat(report.getDryRun()).isFalse();
    assertThat(report.getDetectionMs()).isEqualTo(4000L);
    assertThat(report.getDecisionMs()).isEqualTo(50L);
    assertThat(report.getDatabasePromotionMs()).isEqualTo(300L);
    assertThat(report.getRoutingFlipMs()).isEqualTo(40L);
    assertThat(report.getVerificationMs()).isEqualTo(100L);
    assertThat(report.getTotalMs()).isEqualTo(6050L);
    assertThat(report.getActiveRegion()).isEqualTo("us-east-1");
    assertThat(report.getFailoverId()).isNotNull();
    assertThat(world.faultCalls).containsExactly("inject us-east-1", "clear us-east-1");
    assertThat(world.sent).containsExactly("approve_failback by oncall@example.com");
    assertThat(world.feedClosed).isTrue();
    assertThat(items()).containsExactly(Arrays.stream(ChecklistItem.values()).map(ChecklistItem::wording).toArray(String[]::new));
    Map<String, StepOutcome> outcomes = outcomes();
    assertThat(outcomes).containsEntry("Execute failover procedure", StepOutcome.succeeded)
        .containsEntry("Confirm DR environment is ready", StepOutcome.succeeded)
        .containsEntry("Verify data integrity", StepOutcome.succeeded)
        .containsEntry("Test application functionality", StepOutcome.succeeded)
        .containsEntry("Rollback to primary region", StepOutcome.succeeded)
        .containsEntry("Note any issues encountered", StepOutcome.succeeded)
        .containsEntry("Document lessons learned", StepOutcome.skipped);
    assertThat(world.published.getLast()).isSameAs(report);
  }

  @Test
  void liveDrillWithoutRollbackLeavesTrafficOnTheSecondaryButStillClearsTheFault() {
    DrillCompleted report = runner(true).run(drill(DrillMode.LIVE, false));

    assertThat(report.getOutcome()).isEqualTo(RunOutcome.succeeded);
    assertThat(report.getActiveRegion()).isEqualTo("us-west-2");
    assertThat(world.faultCalls).containsExactly("inject us-east-1", "clear us-east-1");
    assertThat(world.sent).isEmpty();
    assertThat(outcomes()).containsEntry("Rollback to primary region", StepOutcome.skipped);
  }

  @Test
  void underAManualPolicyTheDrillAsksForTheFailoverOnceThePrimaryIsUnhealthy() {
    world.failsOverByItself = false;

    DrillCompleted report = runner(false).run(drill(DrillMode.LIVE, true));

    assertThat(report.getOutcome()).as("error: %s", report.getError()).isEqualTo(RunOutcome.succeeded);
    assertThat(world.sent).containsExactly("failover by oncall@example.com", "approve_failback by oncall@example.com");
    assertThat(report.getDecisionMs()).isEqualTo(30L);
  }

  @Test
  void dryRunAsksThePairAndChangesNothing() {
    DrillCompleted report = runner(true).run(drill(DrillMode.DRY_RUN, true));

    assertThat(report.getOutcome()).as("error: %s", report.getError()).isEqualTo(RunOutcome.succeeded);
    assertThat(report.getDryRun()).isTrue();
    assertThat(world.faultCalls).isEmpty();
    assertThat(world.sent).containsExactly("failover (dry run) by oncall@example.com");
    assertThat(report.getDetectionMs()).isNull();
    assertThat(report.getDecisionMs()).isEqualTo(30L);
    assertThat(report.getRoutingFlipMs()).isNull();
    assertThat(report.getDatabasePromotionMs()).isNull();
    assertThat(report.getActiveRegion()).isEqualTo("us-east-1");
    assertThat(outcomes()).containsEntry("Rollback to primary region", StepOutcome.skipped)
        .containsEntry("Test application functionality", StepOutcome.skipped)
        .containsEntry("Verify data integrity", StepOutcome.succeeded);
  }

  @Test
  void aDryRunTheWriterRefusesFailsWithItsReason() {
    world.refuses = true;

    DrillCompleted report = runner(true).run(drill(DrillMode.DRY_RUN, true));

    assertThat(report.getOutcome()).isEqualTo(RunOutcome.failed);
    assertThat(report.getError()).contains("the secondary is unhealthy");
    assertThat(outcomes()).containsEntry("Execute failover procedure", StepOutcome.failed);
  }

  @Test
  void liveDrillIsAbortedBeforeBreakingAnythingWhenTheSecondaryIsUnhealthy() {
    targetHealth = region -> {
      throw new IllegalStateException("0 of 3 checkers healthy");
    };

    DrillCompleted report = runner(true).run(drill(DrillMode.LIVE, true));

    assertThat(report.getOutcome()).isEqualTo(RunOutcome.aborted);
    assertThat(report.getError()).contains("us-west-2 is not healthy: 0 of 3 checkers healthy");
    assertThat(world.faultCalls).isEmpty();
    assertThat(outcomes()).containsEntry("Confirm DR environment is ready", StepOutcome.failed);
  }

  @Test
  void faultIsClearedEvenWhenNoFailoverComes() {
    world.failsOverByItself = false;
    world.refuses = true;

    DrillCompleted report = runner(false).run(drill(DrillMode.LIVE, true));

    assertThat(report.getOutcome()).isEqualTo(RunOutcome.failed);
    assertThat(report.getDetectionMs()).isEqualTo(4000L);
    assertThat(world.fault).isFalse();
    assertThat(world.faultCalls).containsExactly("inject us-east-1", "clear us-east-1");
    assertThat(outcomes()).containsEntry("Rollback to primary region", StepOutcome.succeeded);
  }

  @Test
  void operatorsRecordTheManualItemsThroughTheDrillsJournal() {
    Drill drill = drill(DrillMode.DRY_RUN, true);
    DrillRunner runner = runner(true);

    runner.journal(drill).record(DrillPhase.post, "Document lessons learned", StepOutcome.succeeded,
        "postmortem doc linked", OPERATOR);

    assertThat(drill.checklist()).singleElement().satisfies(entry -> {
      assertThat(entry.recordedBy()).isEqualTo("oncall@example.com");
      assertThat(entry.item()).isEqualTo("Document lessons learned");
    });
    assertThat(world.published).singleElement().isInstanceOfSatisfying(DrillChecklistItemRecorded.class,
        recorded -> assertThat(recorded.getRecordedBy()).isEqualTo(OPERATOR));
  }

  private DrillRunner runner(boolean automatic) {
    HealthCheckDefinition check = HealthCheckDefinition.builder("us-east-1-health", "us-east-1").ipAddress("127.0.0.1").build();
    DrillSettings settings = new DrillSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(1),
        Duration.ofMinutes(2), automatic, true, "scripted procedure");
    return new DrillRunner(ScriptedRegionPair.PAIR, world, world, targetHealth, List.of(readiness), List.of(check), world,
        world, settings, world.clock, UUID::randomUUID);
  }

  private Drill drill(DrillMode mode, boolean rollback) {
    return new Drill(UUID.randomUUID().toString(), ScriptedRegionPair.PAIR.id(), mode, "monthly failover drill", OPERATOR,
        rollback, world.clock.instant());
  }

  private List<String> items() {
    return world.published.stream().filter(DrillChecklistItemRecorded.class::isInstance)
        .map(event -> ((DrillChecklistItemRecorded) event).getItem().toString()).toList();
  }

  private Map<String, StepOutcome> outcomes() {
    return world.published.stream().filter(DrillChecklistItemRecorded.class::isInstance)
        .map(DrillChecklistItemRecorded.class::cast)
        .collect(Collectors.toMap(event -> event.getItem().toString(), DrillChecklistItemRecorded::getOutcome));
  }
}
