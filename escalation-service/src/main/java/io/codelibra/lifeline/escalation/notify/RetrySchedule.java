package io.codelibra.lifeline.escalation.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * When the next attempt of one notification starts: the exponential backoff, but never beyond the
 * request's {@code maxAttempts} nor after the deadline. Each retry is announced with its delay before the
 * wait, which is the moment the {@code retrying} outcome (with its {@code nextAttemptAt}) is known.
 */
final class RetrySchedule implements BackOff {

  private final BackOff exponential;
  private final int maxAttempts;
  private final Instant deadline;
  private final Clock clock;
  private final Consumer<Duration> onRetryScheduled;

  RetrySchedule(BackOff exponential, int maxAttempts, Instant deadline, Clock clock,
      Consumer<Duration> onRetryScheduled) {
    this.exponential = exponential;
    this.maxAttempts = maxAttempts;
    this.deadline = deadline;
    this.clock = clock;
    this.onRetryScheduled = onRetryScheduled;
  }

  @Override
  public BackOffExecution start() {
    BackOffExecution delays = exponential.start();
    return new BackOffExecution() {
      private int failedAttempts;

      @Override
      public long nextBackOff() {
        failedAttempts++;
        if (failedAttempts >= maxAttempts) {
          return STOP;
        }
        long delay = delays.nextBackOff();
        if (delay == STOP || clock.instant().plusMillis(delay).isAfter(deadline)) {
          return STOP;
        }
        onRetryScheduled.accept(Duration.ofMillis(delay));
        return delay;
      }
    };
  }
}
