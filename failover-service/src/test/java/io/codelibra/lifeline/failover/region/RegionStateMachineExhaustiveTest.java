package io.codelibra.lifeline.failover.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.failover.region.PairEffect.FailoverOrdered;
import io.codelibra.lifeline.failover.region.PairInput.FailbackApproved;
import io.codelibra.lifeline.failover.region.PairInput.FailoverAsked;
import io.codelibra.lifeline.failover.region.PairInput.HealthObserved;
import io.codelibra.lifeline.failover.region.PairInput.RunFinished;
import io.codelibra.lifeline.failover.region.PairInput.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every sequence of inputs up to a length, from an alphabet of 13 kinds of input (health of either region, manual
 * requests with a fresh and a stale epoch, run results for the run in flight and for a stale one, approval, time
 * passing), checked against the safety rules after every step.
 */
class RegionStateMachineExhaustiveTest {

  private static final RegionPair PAIR = new RegionPair("us-east-1", "us-west-2");
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(1);
  private static final Duration WINDOW = Duration.ofMinutes(2);

  private final List<BiFunction<PairState, Instant, PairInput>> alphabet = List.of(
      (s, at) -> new HealthObserved("us-east-1", RegionHealth.healthy, "ok", at),
      (s, at) -> new HealthObserved("us-east-1", RegionHealth.degraded, "slow", at),
      (s, at) -> new HealthObserved("us-east-1", RegionHealth.unhealthy, "down", at),
      (s, at) -> new HealthObserved("us-west-2", RegionHealth.healthy, "ok", at),
      (s, at) -> new HealthObserved("us-west-2", RegionHealth.unhealthy, "down", at),
      (s, at) -> new FailoverAsked(FailoverDirection.failover, FailoverTrigger.manual, s.epoch() + 1, "op", "alice", false, at),
      (s, at) -> new FailoverAsked(FailoverDirection.failover, FailoverTrigger.manual, s.epoch(), "stale", "bob", false, at),
      (s, at) -> new FailoverAsked(FailoverDirection.failback, FailoverTrigger.manual, s.epoch() + 1, "op", "alice", false, at),
      (s, at) -> new RunFinished(s.inFlight() == null ? "none" : s.inFlight().failoverId(), s.epoch(), RunOutcome.succeeded, at),
      (s, at) -> new RunFinished(s.inFlight() == null ? "none" : s.inFlight().failoverId(), s.epoch(), RunOutcome.failed, at),
      (s, at) -> new RunFinished(s.inFlight() == null ? "none" : s.inFlight().failoverId(), s.epoch() - 1, RunOutcome.succeeded, at),
      (s, at) -> new FailbackApproved("alice", at),
      (s, at) -> new Tick(at));

  private final AtomicLong transitions = new AtomicLong();

  @ParameterizedTest(name = "automatic failover {0}, approval {1}, depth {2}")
  @CsvSource({"true,true,6", "true,false,5", "false,true,5"})
  void everySequenceKeepsTheSafetyRules(boolean automatic, boolean approval, int depth) {
    AtomicInteger ids = new AtomicInteger();
    RegionStateMachine machine = new RegionStateMachine(new FailoverPolicy(automatic, WINDOW, approval), () -> "run-" + ids.incrementAndGet());
    explore(machine, PairState.initial(PAIR), new ArrayList<>(), depth);
    assertThat(transitions.get()).isGreaterThan((long) Math.pow(alphabet.size(), depth));
  }

  private void explore(RegionStateMachine machine, PairState state, List<PairInput> path, int depth) {
    if (path.size() == depth) {
      return;
    }
    Instant at = T0.plus(STEP.multipliedBy(path.size() + 1L));
    for (BiFunction<PairState, Instant, PairInput> letter : alphabet) {
      PairInput input = letter.apply(state, at);
      Transition transition = machine.apply(state, input);
      transitions.incrementAndGet();
      path.add(input);
      check(machine.policy(), state, input, transition, path);
      explore(machine, transition.state(), path, depth);
      path.remove(path.size() - 1);
    }
  }

  private static void check(FailoverPolicy policy, PairState before, PairInput input, Transition transition, List<PairInput> path) {
    PairState after = transition.state();
    String where = "after " + path;
    assertThat(after.inFlight() != null).as("in flight iff failing over/back " + where).isEqualTo(after.phase().inFlight());
    assertThat(after.epoch()).as("epochs never go back " + where).isGreaterThanOrEqualTo(before.epoch());
    for (PairEffect effect : transition.effects()) {
      if (!(effect instanceof FailoverOrdered ordered)) {
        continue;
      }
      assertThat(ordered.request().epoch()).as("a new request has a new epoch " + where).isGreaterThan(before.epoch());
      if (ordered.dryRun()) {
        continue;
      }
      assertThat(before.phase().inFlight()).as("one run in flight " + where).isFalse();
      if (ordered.request().direction() == FailoverDirection.failover) {
        assertThat(before.phase().onPrimary()).as("failover only from the primary " + where).isTrue();
        assertThat(after.secondaryHealth()).as("never to an unhealthy secondary " + where).isNotEqualTo(RegionHealth.unhealthy);
      } else {
        assertThat(before.phase().onPrimary()).as("failback only from the secondary " + where).isFalse();
        assertThat(after.primaryHealth()).as("failback only to a healthy primary " + where).isEqualTo(RegionHealth.healthy);
        assertThat(Duration.between(after.primaryHealthySince(), input.at())).as("hysteresis " + where)
            .isGreaterThanOrEqualTo(policy.failbackWindow());
        boolean operatorAsked = input instanceof FailoverAsked || input instanceof FailbackApproved;
        assertThat(operatorAsked || after.failbackApproved() || !policy.failbackRequiresApproval())
            .as("failback needs approval " + where).isTrue();
      }
    }
    boolean staleRequest = input instanceof FailoverAsked asked && asked.epoch() <= before.epoch();
    boolean staleResult = input instanceof RunFinished finished
        && (before.inFlight() == null || finished.epoch() != before.inFlight().epoch());
    boolean dryRun = input instanceof FailoverAsked asked && asked.dryRun();
    if (staleRequest || staleResult || dryRun) {
      assertThat(after).as("refused input changes nothing " + where).isEqualTo(before);
    }
  }
}
