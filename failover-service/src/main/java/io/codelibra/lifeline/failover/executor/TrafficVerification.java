package io.codelibra.lifeline.failover.executor;

/** Port: after the routing flip, is user traffic really served by the region it was moved to? */
@FunctionalInterface
public interface TrafficVerification {

  /**
   * Waits (bounded) until the public entry point is served by {@code region}; describes what was seen.
   *
   * @throws RuntimeException when it is not within the verification's time limit
   */
  String verifyServedBy(String region);
}
