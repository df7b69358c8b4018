package io.codelibra.lifeline.failover.routing;

import java.util.List;

/**
 * The outcome of {@link TrafficRouter#routeTo}: the region before, the region asked for, whether anything had to change,
 * the routing read back after the change, and the timed steps.
 */
public record RoutingChange(String fromRegion, String toRegion, boolean changed, RoutingState verified,
    List<ExecutedStep> steps) {

  public RoutingChange {
    steps = List.copyOf(steps);
  }
}
