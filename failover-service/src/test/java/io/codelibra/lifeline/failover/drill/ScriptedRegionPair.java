package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.FailoverAction;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RegionRole;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.events.TimedStep;
import io.codelibra.lifeline.failover.fault.FaultInjection;
import io.codelibra.lifeline.failover.fault.FaultState;
import io.codelibra.lifeline.failover.pair.PairDecision;
import io.codelibra.lifeline.failover.region.PairEvents;
import io.codelibra.lifeline.failover.region.PairState;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.testing.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * A region pair that behaves like failover-service around a drill, without Kafka: a fault makes the primary unhealthy
 * 4 s later, an automatic failover is requested 50 ms after that and completes 2 s later; clearing the fault restores
 * the primary, and an approval fails back. Its events come out of the feed; the drill's own records are kept.
 */
final class ScriptedRegionPair implements FaultInjection, PairRequests, FailoverEventFeed, FailoverEventFeed.Opener,
    DrillPublisher {

  static final RegionPair PAIR = new RegionPair("us-east-1", "us-west-2");

  final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
  final List<SpecificRecord> published = new ArrayList<>();
  final List<String> faultCalls = new ArrayList<>();
  final List<String> sent = new ArrayList<>();
  boolean fault;
  boolean failsOverByItself = true;
  boolean refuses;
  boolean feedClosed;
  private final List<SpecificRecord> pending = new ArrayList<>();
  private long epoch;

  @Override
  public FaultState inject(String region, String reason) {
    faultCalls.add("inject " + region);
    fault = true;
    Instant at = clock.instant();
    pending.add(health(region, RegionHealth.unhealthy, at.plusSeconds(4)));
    if (failsOverByItself) {
      failover(FailoverDirection.failover, FailoverTrigger.automatic, false, null, at.plusMillis(4050));
    }
    return new FaultState(region, true, null, "fault on");
  }

  @Override
  public FaultState clear(String region) {
    faultCalls.add("clear " + region);
    if (fault) {
      Instant at = clock.instant();
      pending.add(health(region, RegionHealth.healthy, at.plusSeconds(2)));
      pending.add(RegionRestored.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at.plusSeconds(22))
          .setSource(PairEvents.SOURCE).setRegionPair(PAIR.id()).setRegion(region).setRole(RegionRole.primary)
          .setHealthySince(at.plusSeconds(2)).setHealthyWindowMs(20_000).setFailbackRequiresApproval(true).build());
    }
    fault = false;
    return new FaultState(region, false, null, "fault off");
  }

  @Override
  public FaultState current(String region) {
    return new FaultState(region, fault && region.equals(PAIR.primary()), null, fault ? "fault on" : "fault off");
  }

  @Override
  public Sent send(FailoverAction action, String reason, Actor by, boolean dryRun, String drillId) {
    sent.add(action + (dryRun ? " (dry run)" : "") + " by " + by.getId());
    UUID requestId = UUID.randomUUID();
    Instant at = clock.instant();
    if (refuses) {
      return new Sent(requestId, Optional.of(new PairDecision(requestId.toString(), false, null, "the secondary is unhealthy", at)));
    }
    String failoverId = switch (action) {
      case failover -> failover(FailoverDirection.failover, FailoverTrigger.drill, dryRun, requestId, at.plusMillis(30));
      case approve_failback -> failover(FailoverDirection.failback, FailoverTrigger.manual, false, requestId, at.plusMillis(30));
      default -> null;
    };
    return new Sent(requestId, Optional.of(new PairDecision(requestId.toString(), true, failoverId, "accepted", at)));
  }

  @Override
  public Optional<PairState> current() {
    return Optional.of(PairState.initial(PAIR));
  }

  @Override
  public FailoverEventFeed openAtEnd() {
    return this;
  }

  @Override
  public List<SpecificRecord> poll(Duration timeout) {
    List<SpecificRecord> events = List.copyOf(pending);
    pending.clear();
    if (events.isEmpty()) {
      clock.advance(timeout);
    }
    return events;
  }

  @Override
  public void close() {
    feedClosed = true;
  }

  @Override
  public void publish(String regionPair, SpecificRecord event) {
    published.add(event);
  }

  private String failover(FailoverDirection direction, FailoverTrigger trigger, boolean dryRun, UUID triggerEventId, Instant at) {
    String from = direction == FailoverDirection.failover ? PAIR.primary() : PAIR.secondary();
    String to = PAIR.other(from);
    FailoverRequested request = FailoverRequested.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at)
        .setSource(PairEvents.SOURCE).setRegionPair(PAIR.id()).setFailoverId(UUID.randomUUID().toString())
        .setDirection(direction).setFromRegion(from).setToRegion(to).setTrigger(trigger).setReason("scripted")
        .setEpoch(dryRun ? epoch + 1 : ++epoch).setRequestedBy(PairEvents.SYSTEM).setDryRun(dryRun)
        .setTriggerEventId(triggerEventId).build();
    Instant started = at.plusMillis(10);
    List<TimedStep> steps = dryRun
        ? List.of(step("verify-target-healthy", started, 20, StepOutcome.succeeded), step("check-data-readiness", started, 5, StepOutcome.succeeded),
            step("promote-database", started, 0, StepOutcome.skipped), step("flip-routing", started, 0, StepOutcome.skipped),
            step("verify-traffic", started, 0, StepOutcome.skipped))
        : List.of(step("verify-target-healthy", started, 20, StepOutcome.succeeded), step("check-data-readiness", started, 5, StepOutcome.succeeded),
            step("promote-database", started, 300, StepOutcome.succeeded), step("flip-routing", started, 40, StepOutcome.succeeded),
            step("verify-traffic", started, 100, StepOutcome.succeeded));
    pending.add(request);
    pending.add(FailoverCompleted.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at.plusSeconds(2))
        .setSource(PairEvents.SOURCE).setRegionPair(PAIR.id()).setFailoverId(request.getFailoverId()).setDirection(direction)
        .setFromRegion(from).setToRegion(to).setTrigger(trigger).setEpoch(request.getEpoch()).setOutcome(RunOutcome.succeeded)
        .setDryRun(dryRun).setActiveRegion(dryRun ? from : to).setSteps(steps).setRequestedAt(at).setStartedAt(started)
        .setDurationMs(1990).build());
    return request.getFailoverId().toString();
  }

  private static TimedStep step(String name, Instant start, long millis, StepOutcome outcome) {
    return TimedStep.newBuilder().setName(name).setStartedAt(start).setEndedAt(start.plusMillis(millis)).setOutcome(outcome)
        .setDetail(name + " " + outcome).build();
  }

  private static RegionHealthChanged health(String region, RegionHealth health, Instant at) {
    return RegionHealthChanged.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource(PairEvents.SOURCE)
        .setRegionPair(PAIR.id()).setRegion(region).setRole(RegionRole.primary).setHealth(health).setReason(region + " " + health)
        .setHealthyCheckers(health == RegionHealth.healthy ? 3 : 0).setTotalCheckers(3).build();
  }
}
