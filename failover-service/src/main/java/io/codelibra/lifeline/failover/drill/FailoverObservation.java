package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RunOutcome;
import java.time.Instant;

/**
 * What a drill saw of its failover: when the fault was injected (live), the primary judged unhealthy, the drill's own
 * request (when it asked), the FailoverRequested and FailoverCompleted, and what went wrong. Unseen parts are null.
 */
record FailoverObservation(Instant faultAt, RegionHealthChanged unhealthy, Instant requestSentAt, FailoverRequested request,
    FailoverCompleted completed, String error) {

  static FailoverObservation none() {
    return new FailoverObservation(null, null, null, null, null, null);
  }

  FailoverObservation failed(String why) {
    return new FailoverObservation(faultAt, unhealthy, requestSentAt, request, completed, why);
  }

  /** Traffic moved to the secondary (the run succeeded, or partially: the flip itself was verified). */
  boolean trafficMoved() {
    return completed != null && !completed.getDryRun() && completed.getOutcome() != RunOutcome.failed
        && completed.getActiveRegion().toString().equals(completed.getToRegion().toString());
  }
}
