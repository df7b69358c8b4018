package io.codelibra.lifeline.failover.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Route 53 ARC routing controls of the entry point: for each region (in configuration order, primary first) the ARN of
 * the routing control whose state decides whether that region's failover record is healthy.
 */
public record ArcRoutingSettings(Map<String, String> routingControlArnByRegion) {

  public ArcRoutingSettings {
    Objects.requireNonNull(routingControlArnByRegion, "routingControlArnByRegion");
    if (routingControlArnByRegion.size() < 2) {
      throw new IllegalArgumentException("ARC routing needs a routing control for at least two regions");
    }
    routingControlArnByRegion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routingControlArnByRegion));
  }

  String arnOf(String region) {
    String arn = routingControlArnByRegion.get(region);
    if (arn == null) {
      throw new IllegalArgumentException("no routing control for region " + region + "; configured: "
          + routingControlArnByRegion.keySet());
    }
    return arn;
  }
}
