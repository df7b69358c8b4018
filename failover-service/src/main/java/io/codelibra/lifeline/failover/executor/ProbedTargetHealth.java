package io.codelibra.lifeline.failover.executor;

import io.codelibra.lifeline.failover.health.HealthCheckDefinition;
import io.codelibra.lifeline.failover.health.HealthProbe;
import io.codelibra.lifeline.failover.health.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Probes each of the region's configured health checks once, now, instead of trusting the last judged health: the
 * secondary may have failed since. Healthy when every check passes.
 */
public final class ProbedTargetHealth implements TargetHealth {

  private final Map<String, List<HealthCheckDefinition>> checksByRegion;
  private final HealthProbe probe;

  public ProbedTargetHealth(List<HealthCheckDefinition> checks, HealthProbe probe) {
    this.checksByRegion = checks.stream().collect(Collectors.groupingBy(HealthCheckDefinition::region));
    this.probe = probe;
  }

  @Override
  public String verify(String region) {
    List<HealthCheckDefinition> checks = checksByRegion.getOrDefault(region, List.of());
    if (checks.isEmpty()) {
      throw new IllegalStateException("no health check is configured for " + region + ": cannot verify it is healthy");
    }
    List<String> seen = new ArrayList<>();
    for (HealthCheckDefinition check : checks) {
      ProbeResult result = probe.probe(check);
      if (!result.healthy()) {
        throw new IllegalStateException(region + " is not healthy: " + check.id() + " (" + check.target() + ") " + result.error());
      }
      seen.add(check.id() + " passed in " + result.latency().toMillis() + " ms");
    }
    return String.join(", ", seen);
  }
}
