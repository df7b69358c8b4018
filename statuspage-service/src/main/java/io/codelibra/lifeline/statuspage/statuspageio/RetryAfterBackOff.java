package io.codelibra.lifeline.statuspage.statuspageio;

import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The delays between attempts of one update: the exponential backoff, stretched to what the API asked for
 * with {@code Retry-After}, and stopped when that would wait longer than {@code maxDelay}: blocking the
 * partition longer would risk the consumer's poll interval, so the binder's own retries take over.
 */
final class RetryAfterBackOff implements BackOff {

  private final BackOff exponential;
  private final Duration maxDelay;
  private final Supplier<Duration> requestedWait;

  /** @param requestedWait what the last failed attempt's answer asked for; zero when nothing */
  RetryAfterBackOff(BackOff exponential, Duration maxDelay, Supplier<Duration> requestedWait) {
    this.exponential = exponential;
    this.maxDelay = maxDelay;
    this.requestedWait = requestedWait;
  }

  @Override
  public BackOffExecution start() {
    BackOffExecution delays = exponential.start();
    return () -> {
      long delay = delays.nextBackOff();
      if (delay == BackOffExecution.STOP) {
        return BackOffExecution.STOP;
      }
      long wait = Math.max(delay, requestedWait.get().toMillis());
      return wait > maxDelay.toMillis() ? BackOffExecution.STOP : wait;
    };
  }
}
