package io.codelibra.lifeline.escalation.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Escalation's own meters: how late timers fire (the service's promise is at most 1 s), and events published. */
public final class EscalationMetrics {

  private final MeterRegistry registry;
  private final Timer lateness;

  public EscalationMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.lateness = Timer.builder("lifeline.escalation.timer.lateness")
        .description("How long after its due time an incident timer fired")
        .publishPercentiles(0.5, 0.99)
        .register(registry);
  }

  public static EscalationMetrics detached() {
    return new EscalationMetrics(new SimpleMeterRegistry());
  }

  void timerFired(Duration late) {
    lateness.record(late.isNegative() ? Duration.ZERO : late);
  }

  void published(List<SpecificRecord> events) {
    for (SpecificRecord event : events) {
      registry.counter("lifeline.escalation.events.published", "type", event.getSchema().getName()).increment();
    }
  }
}
