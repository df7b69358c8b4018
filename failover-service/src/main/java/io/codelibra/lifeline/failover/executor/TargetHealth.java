package io.codelibra.lifeline.failover.executor;

/** Port: is the region traffic is about to move to healthy right now? Checked before anything changes. */
@FunctionalInterface
public interface TargetHealth {

  /**
   * Checks {@code region} once and describes what was seen.
   *
   * @throws IllegalStateException when the region is not healthy (the run stops before changing anything)
   */
  String verify(String region);
}
