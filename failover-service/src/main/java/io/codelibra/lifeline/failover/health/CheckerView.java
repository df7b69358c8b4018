package io.codelibra.lifeline.failover.health;

import java.time.Instant;
import java.util.Objects;

/**
 * One checker's view of an endpoint: its current verdict and the streak of probe results behind it.
 *
 * <p>The verdict changes only after {@code failureThreshold} consecutive results that disagree with it, in either
 * direction, as in Route 53. A new checker starts {@link Status#UNKNOWN} and also needs {@code failureThreshold}
 * agreeing results for its first verdict, so a restart during an outage never decides on less evidence than a
 * normal change would.
 *
 * @param firstFailureAt when the first probe of the current failing streak ran; null while the last probe passed
 * @param lastFailureAt when the last probe of the current failing streak ran; null while the last probe passed
 * @param lastError the error of the last probe when it failed; null while the last probe passed
 */
public record CheckerView(
    Status status,
    int consecutiveSuccesses,
    int consecutiveFailures,
    Instant firstFailureAt,
    Instant lastFailureAt,
    String lastError) {

  /** A checker's verdict on the endpoint. */
  public enum Status { UNKNOWN, HEALTHY, UNHEALTHY }

  public CheckerView {
    Objects.requireNonNull(status, "status");
    if (consecutiveSuccesses < 0 || consecutiveFailures < 0) {
      throw new IllegalArgumentException("streak lengths cannot be negative");
    }
    if (consecutiveSuccesses > 0 && consecutiveFailures > 0) {
      throw new IllegalArgumentException("a checker is on a passing or a failing streak, not both");
    }
  }

  /** A checker that has not probed yet. */
  public static CheckerView initial() {
    return new CheckerView(Status.UNKNOWN, 0, 0, null, null, null);
  }

  /** The view after one more probe result observed at {@code at}. */
  public CheckerView after(ProbeResult result, Instant at, int failureThreshold) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
    }
    if (result.healthy()) {
      int successes = consecutiveSuccesses + 1;
      Status next = successes >= failureThreshold ? Status.HEALTHY : status;
      return new CheckerView(next, successes, 0, null, null, null);
    }
    int failures = consecutiveFailures + 1;
    Status next = failures >= failureThreshold ? Status.UNHEALTHY : status;
    Instant firstFailure = consecutiveFailures == 0 ? at : firstFailureAt;
    return new CheckerView(next, 0, failures, firstFailure, at, result.error());
  }

  public boolean isHealthy() {
    return status == Status.HEALTHY;
  }

  public boolean isUnhealthy() {
    return status == Status.UNHEALTHY;
  }

  public boolean isUnknown() {
    return status == Status.UNKNOWN;
  }
}
