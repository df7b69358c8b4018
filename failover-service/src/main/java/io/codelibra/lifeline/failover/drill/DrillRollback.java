package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.FailoverAction;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.failover.fault.FaultInjection;
import io.codelibra.lifeline.failover.fault.FaultState;
import io.codelibra.lifeline.failover.pair.PairDecision;
import io.codelibra.lifeline.failover.region.RegionPair;
import java.time.Duration;
import java.util.Optional;

/**
 * The drill's "Rollback to primary region": the fault is cleared (always, whatever happened before), then, when
 * traffic moved and the drill was asked to roll back, the drill waits for the primary to be restored (the failback
 * window), approves the failback in the name of the person who started the drill, and watches the failback run.
 */
final class DrillRollback {

  private final RegionPair pair;
  private final PairRequests requests;
  private final FaultInjection faults;
  private final DrillSettings settings;

  DrillRollback(RegionPair pair, PairRequests requests, FaultInjection faults, DrillSettings settings) {
    this.pair = pair;
    this.requests = requests;
    this.faults = faults;
    this.settings = settings;
  }

  /** Clears the primary's fault if it is active; idempotent, so it also serves as the drill's last-resort clean-up. */
  FaultState clearFault(DrillJournal journal) {
    FaultState cleared = faults.clear(pair.primary());
    journal.note("fault of " + pair.primary() + " cleared: " + cleared.observed());
    return cleared;
  }

  /** Records the rollback item; whether the rollback, when one was due, left the pair back on its primary. */
  boolean run(Drill drill, DrillJournal journal, DrillObserver observer, FailoverObservation failover) {
    if (drill.mode() == DrillMode.DRY_RUN) {
      journal.check(ChecklistItem.ROLLBACK_TO_PRIMARY, StepOutcome.skipped, "dry run: nothing was changed");
      return true;
    }
    FaultState cleared = clearFault(journal);
    if (!failover.trafficMoved()) {
      journal.check(ChecklistItem.ROLLBACK_TO_PRIMARY, StepOutcome.succeeded, "fault cleared (" + cleared.observed()
          + "); traffic never left " + pair.primary());
      return true;
    }
    if (!drill.rollback()) {
      journal.check(ChecklistItem.ROLLBACK_TO_PRIMARY, StepOutcome.skipped, "fault cleared; traffic left on " + pair.secondary()
          + " as asked: approve the failback (POST /api/v1/region-pair/failback/approval) once " + pair.primary() + " is restored");
      return true;
    }
    Optional<String> failed = failBack(drill, journal, observer);
    journal.check(ChecklistItem.ROLLBACK_TO_PRIMARY, failed.isEmpty() ? StepOutcome.succeeded : StepOutcome.failed,
        failed.orElse("fault cleared, " + pair.primary() + " restored, failed back: traffic on " + pair.primary()));
    return failed.isEmpty();
  }

  private Optional<String> failBack(Drill drill, DrillJournal journal, DrillObserver observer) {
    Optional<RegionRestored> restored = observer.await(RegionRestored.class,
        event -> event.getRegion().toString().equals(pair.primary()), settings.restoreTimeout());
    if (restored.isEmpty()) {
      return Optional.of(pair.primary() + " was not restored (healthy for the failback window) within " + settings.restoreTimeout());
    }
    observer.await(RegionHealthChanged.class, changed -> changed.getRegion().toString().equals(pair.primary())
        && changed.getHealth() == RegionHealth.healthy, Duration.ZERO)
        .ifPresent(healthy -> journal.note(healthy.getOccurredAt(), pair.primary() + " healthy again"));
    journal.note(restored.get().getOccurredAt(), "RegionRestored: " + pair.primary() + " healthy for "
        + restored.get().getHealthyWindowMs() + " ms");
    if (settings.failbackRequiresApproval()) {
      journal.note("failback approved by " + drill.requestedBy().getId() + " (who started the drill)");
      PairRequests.Sent sent = requests.send(FailoverAction.approve_failback, "rollback of failover drill " + drill.id(),
          drill.requestedBy(), false, drill.id());
      Optional<PairDecision> decision = sent.decision();
      if (decision.isPresent() && !decision.get().accepted()) {
        return Optional.of("the failback approval was refused: " + decision.get().detail());
      }
    }
    Optional<FailoverRequested> failback = observer.await(FailoverRequested.class,
        request -> request.getDirection() == FailoverDirection.failback, settings.decisionTimeout());
    if (failback.isEmpty()) {
      return Optional.of("no failback was requested within " + settings.decisionTimeout() + " of the approval");
    }
    journal.note(failback.get().getOccurredAt(), "failback " + failback.get().getFailoverId() + " requested (epoch "
        + failback.get().getEpoch() + ")");
    Optional<FailoverCompleted> back = observer.await(FailoverCompleted.class,
        done -> done.getFailoverId().toString().equals(failback.get().getFailoverId().toString()), settings.runTimeout());
    if (back.isEmpty()) {
      return Optional.of("failback " + failback.get().getFailoverId() + " did not complete within " + settings.runTimeout());
    }
    journal.note(back.get().getOccurredAt(), "failback " + back.get().getOutcome() + " in " + back.get().getDurationMs()
        + " ms, traffic on " + back.get().getActiveRegion());
    return back.get().getOutcome() == RunOutcome.succeeded ? Optional.empty()
        : Optional.of("failback " + back.get().getOutcome() + ": " + back.get().getError());
  }
}
