package io.codelibra.lifeline.failover.routing;

/** Where user traffic for the public entry point ({@code www}) goes, and moving it to another region. */
public interface TrafficRouter {

  /** Reads the routing as it is now at the provider (not a cached value). */
  RoutingState current();

  /**
   * Routes traffic to {@code region}, waits until the change is live and reads it back. Routing to the region that
   * already has the traffic changes nothing and reports {@code changed=false}.
   *
   * @throws FailoverStepException when a step fails or the read-back does not show {@code region}; it carries the steps
   */
  RoutingChange routeTo(String region);
}
