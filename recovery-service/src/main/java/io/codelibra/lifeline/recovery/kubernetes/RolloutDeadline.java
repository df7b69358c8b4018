package io.codelibra.lifeline.recovery.kubernetes;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When a step must have finished ({@link ActionCall#timeout()} after it started) and how it polls until then. */
record RolloutDeadline(Instant at, Duration pollEvery, Clock clock) {

  static RolloutDeadline of(ActionCall call, Duration pollEvery, Clock clock) {
    return new RolloutDeadline(clock.instant().plus(call.timeout()), pollEvery, clock);
  }

  /** Sleeps one poll interval (less when the deadline is nearer); false once the deadline has passed. */
  boolean pause() {
    Duration remaining = Duration.between(clock.instant(), at);
    if (remaining.isNegative() || remaining.isZero()) {
      return false;
    }
    try {
      Thread.sleep(remaining.compareTo(pollEvery) < 0 ? remaining : pollEvery);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionFailedException("interrupted while waiting for the rollout", true, e);
    }
    return true;
  }
}
