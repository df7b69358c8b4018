package io.codelibra.lifeline.failover.routing;

import java.util.Objects;

/** The region that receives the traffic, with what was observed at the provider to say so. */
public record RoutingState(String activeRegion, String observed) {

  public RoutingState {
    Objects.requireNonNull(activeRegion, "activeRegion");
  }
}
