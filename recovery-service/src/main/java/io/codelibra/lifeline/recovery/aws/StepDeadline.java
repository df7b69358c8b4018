package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * When a step must have finished ({@code ActionCall.timeout()} after it started), and how its waits poll until then.
 * Running out of time is retryable: the effect may still come, and a retry finds it by the idempotency key.
 */
public record StepDeadline(String stepName, Instant at, Duration timeout, Duration pollInterval, Clock clock) {

  /** The time left; fails the step when none is. */
  public Duration remaining(String waitingFor) {
    Duration remaining = Duration.between(clock.instant(), at);
    if (remaining.isNegative() || remaining.isZero()) {
      throw timedOut(waitingFor);
    }
    return remaining;
  }

  public boolean passed() {
    return !clock.instant().isBefore(at);
  }

  /** An SDK waiter configuration that polls every {@code pollInterval} and gives up at the deadline. */
  public Consumer<WaiterOverrideConfiguration.Builder> waiter(String waitingFor) {
    Duration remaining = remaining(waitingFor);
    return override -> override.waitTimeout(remaining)
        .maxAttempts(Integer.MAX_VALUE)
        .backoffStrategyV2(BackoffStrategy.fixedDelay(pollInterval));
  }

  /** Sleeps one poll interval, or fails the step when that would pass the deadline. */
  public void pause(String waitingFor) {
    if (remaining(waitingFor).compareTo(pollInterval) < 0) {
      throw timedOut(waitingFor);
    }
    try {
      Thread.sleep(pollInterval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionFailedException("interrupted while waiting for " + waitingFor, true, e);
    }
  }

  public ActionFailedException timedOut(String waitingFor) {
    return new ActionFailedException("step " + stepName + " timed out after " + timeout + " waiting for "
        + waitingFor, true);
  }
}
