package io.codelibra.lifeline.deploy.bench;

import io.codelibra.lifeline.deploy.local.StackKafka;

import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.TimedStep;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * failover-service's timing goals (docs/benchmarks.md) on the running local stack ({@code ./lifeline up}): per cycle,
 * switches the primary demo region's fault on, follows {@code failover.events} and {@code failover.requests}
 * (read_committed, from their end) through RegionHealthChanged unhealthy, FailoverRequested and FailoverCompleted, then
 * switches the fault off, waits for RegionRestored, approves the failback over the API and waits for its
 * FailoverCompleted.
 *
 * <p>Measured: detection (fault on → RegionHealthChanged unhealthy) next to the configured interval × threshold;
 * FailoverRequested → routing flipped (end of the {@code flip-routing} step), for failovers and failbacks, next to
 * FailoverRequested → read by this read_committed consumer (the broker's own commit-and-fetch round trip); and the
 * whole failover (fault on → FailoverCompleted).
 *
 * <p>{@code FailoverTimings [cycles]}; system properties {@code lifeline.bootstrap}, {@code lifeline.registry},
 * {@code lifeline.registry.user-info}, {@code lifeline.api-key-file}, {@code bench.interval-ms} (2000),
 * {@code bench.threshold} (2): the local profile's health check settings.
 */
public final class FailoverTimings {

  private static final String PRIMARY_FAULT = "http://127.0.0.1:8091/fault";
  private static final String APPROVAL = "http://127.0.0.1:8084/api/v1/region-pair/failback/approval";
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

  private final BlockingQueue<Seen> events = new LinkedBlockingQueue<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String apiKey;

  private record Seen(SpecificRecord event, Instant readAt) {
  }

  private FailoverTimings(String apiKey) {
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    StackKafka kafka = new StackKafka(System.getProperty("lifeline.bootstrap", "localhost:9092"),
        System.getProperty("lifeline.registry", "http://localhost:8081"), System.getProperty("lifeline.registry.user-info"));
    String apiKey = Files.readString(Path.of(System.getProperty("lifeline.api-key-file", ".lifeline/secrets/api-key"))).strip();
    long intervalMs = Long.getLong("bench.interval-ms", 2000);
    int threshold = Integer.getInteger("bench.threshold", 2);
    FailoverTimings bench = new FailoverTimings(apiKey);
    kafka.reader(List.of("failover.events", "failover.requests"), record -> bench.events.add(new Seen(record.value(), Instant.now())));
    try {
      bench.run(cycles, intervalMs, threshold);
    } finally {
      bench.fault("off");
      kafka.stop();
    }
  }

  private void run(int cycles, long intervalMs, int threshold) throws Exception {
    List<Double> detection = new ArrayList<>();
    List<Double> requestToFlip = new ArrayList<>();
    List<Double> requestVisible = new ArrayList<>();
    List<Double> whole = new ArrayList<>();
    for (int cycle = 1; cycle <= cycles; cycle++) {
      Instant faultOn = Instant.now();
      fault("on");
      RegionHealthChanged down = (RegionHealthChanged) await(RegionHealthChanged.class,
          changed -> changed.getRegion().equals("us-east-1") && changed.getHealth() == RegionHealth.unhealthy).event;
      detection.add(millis(faultOn, down.getOccurredAt()));
      Seen failover = await(FailoverRequested.class, request -> request.getDirection() == FailoverDirection.failover);
      FailoverRequested request = (FailoverRequested) failover.event;
      requestVisible.add(millis(request.getOccurredAt(), failover.readAt));
      FailoverCompleted completed = (FailoverCompleted) await(FailoverCompleted.class,
          done -> done.getFailoverId().equals(request.getFailoverId())).event;
      requestToFlip.add(millis(request.getOccurredAt(), flipped(completed)));
      whole.add(millis(faultOn, completed.getOccurredAt()));
      System.out.printf("cycle %d: detection %.0f ms, failover %s, request -> routing flipped %.1f ms, fault on -> completed %.0f ms%n",
          cycle, detection.getLast(), completed.getOutcome(), requestToFlip.getLast(), whole.getLast());

      fault("off");
      await(RegionRestored.class, restored -> restored.getRegion().equals("us-east-1"));
      approveFailback();
      Seen failback = await(FailoverRequested.class, back -> back.getDirection() == FailoverDirection.failback);
      FailoverRequested back = (FailoverRequested) failback.event;
      requestVisible.add(millis(back.getOccurredAt(), failback.readAt));
      FailoverCompleted backDone = (FailoverCompleted) await(FailoverCompleted.class,
          done -> done.getFailoverId().equals(back.getFailoverId())).event;
      requestToFlip.add(millis(back.getOccurredAt(), flipped(backDone)));
      System.out.printf("cycle %d: failback %s, request -> routing flipped %.1f ms%n", cycle, backDone.getOutcome(),
          requestToFlip.getLast());
    }
    double floor = intervalMs * threshold;
    System.out.printf("configured detection floor: interval %d ms x threshold %d = %.0f ms%n", intervalMs, threshold, floor);
    System.out.println("detection (fault on -> RegionHealthChanged unhealthy): " + Percentiles.of(detection));
    System.out.println("FailoverRequested -> routing flipped: " + Percentiles.of(requestToFlip));
    System.out.println("baseline FailoverRequested -> read by a read_committed consumer: " + Percentiles.of(requestVisible));
    System.out.println("fault on -> FailoverCompleted: " + Percentiles.of(whole));
    System.out.printf("Route 53 defaults for comparison: 30 s x 3 + 60 s TTL = 150000 ms%n");
  }

  private static Instant flipped(FailoverCompleted completed) {
    return completed.getSteps().stream().filter(step -> step.getName().equals("flip-routing")).map(TimedStep::getEndedAt)
        .findFirst().orElseThrow(() -> new IllegalStateException("no flip-routing step in " + completed));
  }

  private <T extends SpecificRecord> Seen await(Class<T> type, Predicate<T> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Seen seen = events.poll(100, TimeUnit.MILLISECONDS);
      if (seen != null && type.isInstance(seen.event) && wanted.test(type.cast(seen.event))) {
        return seen;
      }
    }
    throw new IllegalStateException("no " + type.getSimpleName() + " within " + STEP_TIMEOUT);
  }

  private void fault(String state) throws Exception {
    send(HttpRequest.newBuilder(URI.create(PRIMARY_FAULT)).header("Authorization", "Bearer " + apiKey)
        .PUT(HttpRequest.BodyPublishers.ofString(state, StandardCharsets.UTF_8)).build());
  }

  private void approveFailback() throws Exception {
    send(HttpRequest.newBuilder(URI.create(APPROVAL)).header("Authorization", "Bearer " + apiKey)
        .header("From", "failover-bench@example.com").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"benchmark cycle\"}")).build());
  }

  private void send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + response.body());
    }
  }

  private static double millis(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }
}
