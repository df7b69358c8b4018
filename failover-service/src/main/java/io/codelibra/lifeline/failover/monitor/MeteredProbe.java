package io.codelibra.lifeline.failover.monitor;

import io.codelibra.lifeline.failover.health.HealthCheckDefinition;
import io.codelibra.lifeline.failover.health.HealthProbe;
import io.codelibra.lifeline.failover.health.ProbeResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Every probe as a metric: {@code lifeline_failover_health_checks_total{check,region,type,result}} and the probe's
 * latency, {@code lifeline_failover_health_check_latency_seconds{check,region,type}}.
 */
public final class MeteredProbe implements HealthProbe {

  private final HealthProbe probe;
  private final MeterRegistry registry;

  public MeteredProbe(HealthProbe probe, MeterRegistry registry) {
    this.probe = probe;
    this.registry = registry;
  }

  @Override
  public ProbeResult probe(HealthCheckDefinition check) {
    ProbeResult result = probe.probe(check);
    String type = check.type().name();
    registry.counter("lifeline.failover.health.checks", "check", check.id(), "region", check.region(), "type", type,
        "result", result.healthy() ? "healthy" : "unhealthy").increment();
    Timer.builder("lifeline.failover.health.check.latency").tags("check", check.id(), "region", check.region(), "type", type)
        .register(registry).record(result.latency());
    return result;
  }
}
