package io.codelibra.lifeline.failover.health;

import java.time.Duration;
import java.util.Objects;

/** Outcome of one probe by one checker: healthy or not, how long it took, and why it failed. */
public record ProbeResult(boolean healthy, Duration latency, String error) {

  public ProbeResult {
    Objects.requireNonNull(latency, "latency");
    if (healthy && error != null) {
      throw new IllegalArgumentException("a healthy probe result has no error, was '" + error + "'");
    }
    if (!healthy && (error == null || error.isBlank())) {
      throw new IllegalArgumentException("a failed probe result needs an error text");
    }
  }

  public static ProbeResult passed(Duration latency) {
    return new ProbeResult(true, latency, null);
  }

  public static ProbeResult failed(Duration latency, String error) {
    return new ProbeResult(false, latency, error);
  }
}
