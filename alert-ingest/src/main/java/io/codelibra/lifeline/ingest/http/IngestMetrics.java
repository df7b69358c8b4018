package io.codelibra.lifeline.ingest.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The intake's meters: {@code lifeline.ingest.accepted} and {@code lifeline.ingest.rejected} per
 * source (and reason), and {@code lifeline.ingest.publish} latency as a histogram.
 */
public class IngestMetrics {

  private final MeterRegistry meters;
  private final Timer publish;
  // Looked up once per source: building and registering a meter on every request is measurable.
  private final Map<String, Counter> acceptedBySource = new ConcurrentHashMap<>();

  public IngestMetrics(MeterRegistry meters) {
    this.meters = meters;
    this.publish = Timer.builder("lifeline.ingest.publish")
        .description("From send to the broker's acknowledgement of every event of a request")
        .publishPercentileHistogram()
        .register(meters);
  }

  public void accepted(String source, int events) {
    acceptedBySource.computeIfAbsent(source, tag -> Counter.builder("lifeline.ingest.accepted")
        .description("Alert events accepted (broker-acknowledged)")
        .tag("source", tag).register(meters)).increment(events);
  }

  public void rejected(String source, String reason) {
    Counter.builder("lifeline.ingest.rejected").description("Requests or records refused")
        .tag("source", source).tag("reason", reason).register(meters).increment();
  }

  public void published(Duration took) {
    publish.record(took);
  }
}
