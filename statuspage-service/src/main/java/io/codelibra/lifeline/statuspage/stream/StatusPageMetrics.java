package io.codelibra.lifeline.statuspage.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;

/** Counts of input events the page applied and refused, by event type. */
public final class StatusPageMetrics {

  private final MeterRegistry registry;

  public StatusPageMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void applied(SpecificRecord event) {
    count(event, "applied");
  }

  void refused(SpecificRecord event) {
    count(event, "refused");
  }

  private void count(SpecificRecord event, String outcome) {
    registry.counter("lifeline.statuspage.inputs", "type", event.getSchema().getName(), "outcome", outcome).increment();
  }
}
