package io.codelibra.lifeline.failover.region;

/**
 * Where a region pair stands. With traffic on the primary: {@code HEALTHY}, {@code DEGRADED}, {@code UNHEALTHY},
 * {@code FAILING_OVER}. With traffic on the secondary: {@code FAILED_OVER}, {@code RECOVERING} (the primary is healthy
 * again, inside or past the failback window), {@code FAILING_BACK}.
 */
public enum PairPhase {
  HEALTHY, DEGRADED, UNHEALTHY, FAILING_OVER, FAILED_OVER, RECOVERING, FAILING_BACK;

  public boolean onPrimary() {
    return this == HEALTHY || this == DEGRADED || this == UNHEALTHY || this == FAILING_OVER;
  }

  public boolean inFlight() {
    return this == FAILING_OVER || this == FAILING_BACK;
  }
}
