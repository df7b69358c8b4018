package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.FailoverAction;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.failover.fault.FaultInjection;
import io.codelibra.lifeline.failover.fault.FaultState;
import io.codelibra.lifeline.failover.pair.PairDecision;
import io.codelibra.lifeline.failover.region.RegionPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The drill's "Execute failover procedure". Live: inject the primary's fault, then watch Lifeline judge it unhealthy,
 * decide (by itself under an automatic policy, or on the drill's request) and run the failover. Dry run: ask the pair
 * whether it would fail over now (trigger {@code drill}, {@code dryRun}) and watch the executor's read-only run.
 */
final class DrillFailover {

  private final RegionPair pair;
  private final PairRequests requests;
  private final FaultInjection faults;
  private final DrillSettings settings;
  private final Clock clock;

  DrillFailover(RegionPair pair, PairRequests requests, FaultInjection faults, DrillSettings settings, Clock clock) {
    this.pair = pair;
    this.requests = requests;
    this.faults = faults;
    this.settings = settings;
    this.clock = clock;
  }

  FailoverObservation live(Drill drill, DrillJournal journal, DrillObserver observer) {
    FaultState fault = faults.inject(pair.primary(), "failover drill " + drill.id() + " by " + drill.requestedBy().getId());
    Instant faultAt = clock.instant();
    journal.note(faultAt, "fault injected into " + pair.primary() + ": " + fault.observed());
    FailoverObservation seen = new FailoverObservation(faultAt, null, null, null, null, null);
    Optional<RegionHealthChanged> unhealthy = observer.await(RegionHealthChanged.class, changed ->
        changed.getRegion().toString().equals(pair.primary()) && changed.getHealth() == RegionHealth.unhealthy,
        settings.detectionTimeout());
    if (unhealthy.isEmpty()) {
      return seen.failed(pair.primary() + " was not judged unhealthy within " + settings.detectionTimeout());
    }
    journal.note(unhealthy.get().getOccurredAt(), pair.primary() + " judged unhealthy: " + unhealthy.get().getReason());
    seen = new FailoverObservation(faultAt, unhealthy.get(), null, null, null, null);
    if (settings.automaticFailover()) {
      return run(journal, observer, seen, observer.await(FailoverRequested.class, request ->
          request.getDirection() == FailoverDirection.failover && !request.getDryRun(), settings.decisionTimeout()),
          "no automatic FailoverRequested within " + settings.decisionTimeout() + " of " + pair.primary() + " turning unhealthy");
    }
    return ask(drill, journal, observer, seen, false);
  }

  FailoverObservation dryRun(Drill drill, DrillJournal journal, DrillObserver observer) {
    return ask(drill, journal, observer, FailoverObservation.none(), true);
  }

  private FailoverObservation ask(Drill drill, DrillJournal journal, DrillObserver observer, FailoverObservation seen,
      boolean dryRun) {
    Instant sentAt = clock.instant();
    PairRequests.Sent sent = requests.send(FailoverAction.failover, "failover drill " + drill.id()
        + (drill.reason() == null ? "" : ": " + drill.reason()), drill.requestedBy(), dryRun, drill.id());
    journal.note(sentAt, (dryRun ? "dry-run " : "") + "failover requested by the drill");
    FailoverObservation asked = new FailoverObservation(seen.faultAt(), seen.unhealthy(), sentAt, null, null, null);
    Optional<PairDecision> decision = sent.decision();
    if (decision.isPresent() && !decision.get().accepted()) {
      journal.note(decision.get().decidedAt(), "refused: " + decision.get().detail());
      return asked.failed("the pair refused the failover: " + decision.get().detail());
    }
    return run(journal, observer, asked, observer.await(FailoverRequested.class,
        request -> sent.requestId().toString().equals(String.valueOf(request.getTriggerEventId())), settings.decisionTimeout()),
        "no FailoverRequested for the drill's request within " + settings.decisionTimeout()
            + " (refused, or the pair's writer is not running)");
  }

  private FailoverObservation run(DrillJournal journal, DrillObserver observer, FailoverObservation seen,
      Optional<FailoverRequested> requested, String whenMissing) {
    if (requested.isEmpty()) {
      return seen.failed(whenMissing);
    }
    FailoverRequested request = requested.get();
    journal.note(request.getOccurredAt(), "FailoverRequested " + request.getFailoverId() + " (" + request.getTrigger()
        + ", epoch " + request.getEpoch() + (request.getDryRun() ? ", dry run" : "") + "): " + request.getReason());
    FailoverObservation decided = new FailoverObservation(seen.faultAt(), seen.unhealthy(), seen.requestSentAt(), request,
        null, null);
    Optional<FailoverCompleted> completed = observer.await(FailoverCompleted.class,
        done -> done.getFailoverId().toString().equals(request.getFailoverId().toString()), settings.runTimeout());
    if (completed.isEmpty()) {
      return decided.failed("failover " + request.getFailoverId() + " did not complete within " + settings.runTimeout());
    }
    FailoverCompleted done = completed.get();
    journal.note(done.getOccurredAt(), "FailoverCompleted " + done.getOutcome() + " in " + done.getDurationMs()
        + " ms, traffic on " + done.getActiveRegion());
    return new FailoverObservation(seen.faultAt(), seen.unhealthy(), seen.requestSentAt(), request, done,
        done.getError() == null ? null : done.getError().toString());
  }
}
