package io.codelibra.lifeline.failover.health;

/** Port: probes a health check's endpoint once, the way one Route 53 health checker would. */
@FunctionalInterface
public interface HealthProbe {

  /** Probes once; never throws for an endpoint failure, which is a failed {@link ProbeResult}. */
  ProbeResult probe(HealthCheckDefinition check);
}
