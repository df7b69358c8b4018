package io.codelibra.lifeline.failover.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.failover.region.PairEffect.FailoverOrdered;
import io.codelibra.lifeline.failover.region.PairEffect.PrimaryRestored;
import io.codelibra.lifeline.failover.region.PairEffect.Refused;
import io.codelibra.lifeline.failover.region.PairEffect.RegionAlarm;
import io.codelibra.lifeline.failover.region.PairInput.FailbackApproved;
import io.codelibra.lifeline.failover.region.PairInput.FailoverAsked;
import io.codelibra.lifeline.failover.region.PairInput.HealthObserved;
import io.codelibra.lifeline.failover.region.PairInput.RunFinished;
import io.codelibra.lifeline.failover.region.PairInput.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegionStateMachineTest {

  static final RegionPair PAIR = new RegionPair("us-east-1", "us-west-2");
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final AtomicInteger ids = new AtomicInteger();
  private final RegionStateMachine machine = new RegionStateMachine(new FailoverPolicy(true, WINDOW, true),
      () -> "run-" + ids.incrementAndGet());
  private PairState state = PairState.initial(PAIR);

  private Transition apply(PairInput input) {
    Transition transition = machine.apply(state, input);
    state = transition.state();
    return transition;
  }

  private Transition health(String region, RegionHealth health, long minutes) {
    return apply(new HealthObserved(region, health, region + " " + health, T0.plus(Duration.ofMinutes(minutes))));
  }

  private void bothHealthy() {
    health("us-east-1", RegionHealth.healthy, 0);
    health("us-west-2", RegionHealth.healthy, 0);
  }

  @Test
  void unhealthyPrimaryRaisesAnAlarmAndFailsOverAutomaticallyWithTheNextEpoch() {
    bothHealthy();
    Transition down = health("us-east-1", RegionHealth.unhealthy, 1);

    assertThat(down.effects()).first().isEqualTo(new RegionAlarm("us-east-1", true, "us-east-1 unhealthy"));
    FailoverOrdered ordered = (FailoverOrdered) down.effects().get(1);
    assertThat(ordered.request().trigger()).isEqualTo(FailoverTrigger.automatic);
    assertThat(ordered.request().epoch()).isEqualTo(1);
    assertThat(ordered.fromRegion()).isEqualTo("us-east-1");
    assertThat(ordered.toRegion()).isEqualTo("us-west-2");
    assertThat(state.phase()).isEqualTo(PairPhase.FAILING_OVER);
    assertThat(state.activeRegion()).isEqualTo("us-east-1");

    apply(new RunFinished(ordered.request().failoverId(), 1, RunOutcome.succeeded, T0.plus(Duration.ofMinutes(2))));
    assertThat(state.phase()).isEqualTo(PairPhase.FAILED_OVER);
    assertThat(state.activeRegion()).isEqualTo("us-west-2");
  }

  @Test
  void neverFailsOverToAnUnhealthySecondaryButDoesOnceItRecovers() {
    bothHealthy();
    health("us-west-2", RegionHealth.unhealthy, 1);
    Transition down = health("us-east-1", RegionHealth.unhealthy, 2);

    assertThat(down.effects()).hasAtLeastOneElementOfType(Refused.class).noneMatch(FailoverOrdered.class::isInstance);
    assertThat(state.phase()).isEqualTo(PairPhase.UNHEALTHY);
    assertThat(apply(new FailoverAsked(FailoverDirection.failover, FailoverTrigger.manual, 1, "by hand", "alice", false,
        T0.plus(Duration.ofMinutes(3)))).effects()).singleElement().isInstanceOf(Refused.class);

    Transition secondaryBack = health("us-west-2", RegionHealth.healthy, 4);
    assertThat(secondaryBack.effects()).hasAtLeastOneElementOfType(FailoverOrdered.class);
    assertThat(state.phase()).isEqualTo(PairPhase.FAILING_OVER);
  }

  @Test
  void oneRunInFlightAndStaleEpochsAreRefused() {
    bothHealthy();
    Transition manual = apply(new FailoverAsked(FailoverDirection.failover, FailoverTrigger.manual, 1, "planned", "alice", false, T0));
    assertThat(manual.effects()).singleElement().isInstanceOf(FailoverOrdered.class);

    assertThat(((Refused) apply(new FailoverAsked(FailoverDirection.failover, FailoverTrigger.manual, 2, "again", "bob", false, T0))
        .effects().get(0)).reason()).contains("already in flight");
    assertThat(((Refused) apply(new FailoverAsked(FailoverDirection.failover, FailoverTrigger.manual, 1, "old view", "bob", false, T0))
        .effects().get(0)).reason()).contains("stale");
    PairState before = state;
    assertThat(apply(new RunFinished("run-1", 0, RunOutcome.succeeded, T0)).refused()).as("result for another epoch").isTrue();
    assertThat(state).isEqualTo(before);
  }

  @Test
  void failsBackOnlyAfterTheWindowAndTheOperatorsApproval() {
    bothHealthy();
    FailoverOrdered ordered = (FailoverOrdered) health("us-east-1", RegionHealth.unhealthy, 1).effects().get(1);
    apply(new RunFinished(ordered.request().failoverId(), 1, RunOutcome.succeeded, T0.plus(Duration.ofMinutes(2))));
    health("us-east-1", RegionHealth.healthy, 5);
    assertThat(state.phase()).isEqualTo(PairPhase.RECOVERING);

    assertThat(apply(new FailoverAsked(FailoverDirection.failback, FailoverTrigger.manual, 2, "eager", "alice", false,
        T0.plus(Duration.ofMinutes(6)))).refused()).as("inside the window").isTrue();
    assertThat(apply(new Tick(T0.plus(Duration.ofMinutes(14)))).effects()).isEmpty();

    Transition windowDone = apply(new Tick(T0.plus(Duration.ofMinutes(15))));
    assertThat(windowDone.effects()).hasAtLeastOneElementOfType(PrimaryRestored.class).noneMatch(FailoverOrdered.class::isInstance);
    assertThat(windowDone.effects()).contains(new RegionAlarm("us-east-1", false, "us-east-1 healthy for the failback window"));
    assertThat(apply(new Tick(T0.plus(Duration.ofMinutes(20)))).effects()).as("restored once, waits for approval").isEmpty();

    Transition approved = apply(new FailbackApproved("alice", T0.plus(Duration.ofMinutes(21))));
    FailoverOrdered failback = (FailoverOrdered) approved.effects().get(0);
    assertThat(failback.request().direction()).isEqualTo(FailoverDirection.failback);
    assertThat(failback.request().epoch()).isEqualTo(2);
    assertThat(failback.toRegion()).isEqualTo("us-east-1");
    apply(new RunFinished(failback.request().failoverId(), 2, RunOutcome.succeeded, T0.plus(Duration.ofMinutes(22))));
    assertThat(state.phase()).isEqualTo(PairPhase.HEALTHY);
    assertThat(state.activeRegion()).isEqualTo("us-east-1");
    assertThat(state.restoredAt()).isNull();
  }

  @Test
  void aPrimaryThatFlapsInsideTheWindowStartsTheWindowAgain() {
    bothHealthy();
    FailoverOrdered ordered = (FailoverOrdered) health("us-east-1", RegionHealth.unhealthy, 1).effects().get(1);
    apply(new RunFinished(ordered.request().failoverId(), 1, RunOutcome.succeeded, T0.plus(Duration.ofMinutes(2))));
    health("us-east-1", RegionHealth.healthy, 3);
    health("us-east-1", RegionHealth.unhealthy, 8);
    assertThat(state.phase()).isEqualTo(PairPhase.FAILED_OVER);
    health("us-east-1", RegionHealth.healthy, 9);

    assertThat(apply(new Tick(T0.plus(Duration.ofMinutes(18)))).effects()).isEmpty();
    assertThat(apply(new Tick(T0.plus(Duration.ofMinutes(19)))).effects()).hasAtLeastOneElementOfType(PrimaryRestored.class);
  }

  @Test
  void automaticFailbackWhenThePolicyNeedsNoApproval() {
    RegionStateMachine automatic = new RegionStateMachine(new FailoverPolicy(true, WINDOW, false), () -> "run-x");
    PairState s = PairState.initial(PAIR);
    s = automatic.apply(s, new HealthObserved("us-east-1", RegionHealth.healthy, "ok", T0)).state();
    s = automatic.apply(s, new HealthObserved("us-east-1", RegionHealth.unhealthy, "down", T0.plusSeconds(60))).state();
    s = automatic.apply(s, new RunFinished("run-x", 1, RunOutcome.succeeded, T0.plusSeconds(90))).state();
    s = automatic.apply(s, new HealthObserved("us-east-1", RegionHealth.healthy, "ok", T0.plusSeconds(120))).state();

    Transition restored = automatic.apply(s, new Tick(T0.plusSeconds(120).plus(WINDOW)));
    assertThat(restored.effects()).hasAtLeastOneElementOfType(PrimaryRestored.class);
    assertThat(restored.effects()).filteredOn(FailoverOrdered.class::isInstance).singleElement()
        .satisfies(e -> assertThat(((FailoverOrdered) e).request().trigger()).isEqualTo(FailoverTrigger.automatic));
  }

  @Test
  void aFailedFailoverLeavesTrafficOnThePrimaryAndAllowsANewRequest() {
    bothHealthy();
    FailoverOrdered ordered = (FailoverOrdered) health("us-east-1", RegionHealth.unhealthy, 1).effects().get(1);
    apply(new RunFinished(ordered.request().failoverId(), 1, RunOutcome.failed, T0.plus(Duration.ofMinutes(2))));

    assertThat(state.phase()).isEqualTo(PairPhase.UNHEALTHY);
    assertThat(state.activeRegion()).isEqualTo("us-east-1");
    assertThat(apply(new FailoverAsked(FailoverDirection.failover, FailoverTrigger.manual, 2, "retry", "alice", false,
        T0.plus(Duration.ofMinutes(3)))).effects()).singleElement().isInstanceOf(FailoverOrdered.class);
  }

  @Test
  void aDryRunReportsTheDecisionAndChangesNothing() {
    bothHealthy();
    PairState before = state;
    Transition drill = apply(new FailoverAsked(FailoverDirection.failover, FailoverTrigger.drill, 1, "drill", "alice", true, T0));

    assertThat(drill.effects()).singleElement().satisfies(e -> assertThat(((FailoverOrdered) e).dryRun()).isTrue());
    assertThat(state).isEqualTo(before);
  }

  @Test
  void withoutAutomaticFailoverAnUnhealthyPrimaryOnlyAlarms() {
    RegionStateMachine manualOnly = new RegionStateMachine(new FailoverPolicy(false, WINDOW, true), () -> "run");
    PairState s = manualOnly.apply(PairState.initial(PAIR), new HealthObserved("us-east-1", RegionHealth.unhealthy, "down", T0)).state();

    assertThat(s.phase()).isEqualTo(PairPhase.UNHEALTHY);
    assertThat(s.inFlight()).isNull();
  }
}
