package io.codelibra.lifeline.deploy.bench;

import io.codelibra.lifeline.deploy.local.StackKafka;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.ResolutionReason;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Event → visible on the public status page (docs/benchmarks.md, statuspage-service), against a running broker,
 * registry and statuspage-service showing the demo page.
 *
 * <p>{@code StatuspageVisibility [events] [warm-up events]}: one event at a time, after a random pause of 0–100 ms (so
 * that events do not fall into step with the service's commit interval), publishes an {@code IncidentOpened} (SEV1,
 * service {@code checkout-api}: the demo page holds checkout and api at {@code major_outage} while it is open) to
 * {@code incidents}, takes the time the broker acknowledged it, then polls {@code GET /api/v2/summary.json} (every
 * {@code bench.poll-interval-ms}, default 1, with {@code If-None-Match}) until component {@code checkout} shows
 * {@code major_outage}; then publishes the matching {@code IncidentResolved} and measures the same way until
 * {@code checkout} is {@code operational} again. Every event is one sample.
 *
 * <p>Baseline, same events: each read back from {@code incidents} by a read_committed consumer (the broker's own
 * acknowledgement → fetch round trip). Also shown: acknowledgement → the service's {@code ComponentStatusChanged} of
 * {@code checkout} for that event seen by a read_committed consumer (its exactly-once transaction committed).
 *
 * <p>System properties: {@code lifeline.bootstrap}, {@code lifeline.registry}, {@code lifeline.registry.user-info},
 * {@code lifeline.statuspage.url} (default {@code http://localhost:18083}), {@code bench.poll-interval-ms}.
 */
public final class StatuspageVisibility {

  private static final String COMPONENT = "checkout";
  private static final Pattern STATUS = Pattern.compile(
      "\"id\":\"" + COMPONENT + "\",\"name\":\"(?:[^\"\\\\]|\\\\.)*\",\"status\":\"([a-z_]+)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Actor BENCH_SYSTEM = new Actor(ActorType.system, "statuspage-bench", null);
  private static final Actor BENCH_USER = new Actor(ActorType.user, "bench@example.com", null);

  private final URI summary;
  private final long pollIntervalNanos;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final StackKafka kafka;
  private String etag;
  private String shownStatus;
  private long lastResponseAt;
  private long polls;
  private long pollingNanos;

  private StatuspageVisibility(String bootstrap, String registry, String userInfo, String baseUrl, double pollIntervalMs) {
    this.kafka = new StackKafka(bootstrap, registry, userInfo);
    this.summary = URI.create(baseUrl + "/api/v2/summary.json");
    this.pollIntervalNanos = (long) (pollIntervalMs * 1_000_000);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 2) {
      System.err.println("usage: StatuspageVisibility [events] [warm-up events]");
      System.exit(2);
    }
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    StatuspageVisibility bench = new StatuspageVisibility(System.getProperty("lifeline.bootstrap", "localhost:9092"),
        System.getProperty("lifeline.registry", "http://localhost:8081"), System.getProperty("lifeline.registry.user-info", ""),
        System.getProperty("lifeline.statuspage.url", "http://localhost:18083"),
        Double.parseDouble(System.getProperty("bench.poll-interval-ms", "1")));
    int exit = bench.run(events, warmUp);
    System.exit(exit);
  }

  private int run(int events, int warmUp) throws Exception {
    String run = "spbench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    Map<UUID, Long> echoedAt = new ConcurrentHashMap<>();
    Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
    Thread reader = kafka.reader(List.of(Topics.INCIDENTS.name(), Topics.STATUS_COMPONENTS.name()), record -> {
      long now = System.nanoTime();
      switch (record.value()) {
        case IncidentOpened opened when opened.getIncidentId().startsWith(run) -> echoedAt.putIfAbsent(opened.getEventId(), now);
        case IncidentResolved resolved when resolved.getIncidentId().startsWith(run) ->
            echoedAt.putIfAbsent(resolved.getEventId(), now);
        case ComponentStatusChanged changed when COMPONENT.equals(changed.getComponentId()) && changed.getCause() != null
            && changed.getCause().getEventId() != null -> committedAt.putIfAbsent(changed.getCause().getEventId(), now);
        case null, default -> { } // tombstones on status.components, other events
      }
    });
    String initial = awaitStatus("operational", System.nanoTime() + TIMEOUT.toNanos());
    if (!"operational".equals(initial)) {
      System.out.println("component " + COMPONENT + " is " + initial + ", not operational, before the first event: not measuring");
      kafka.stop();
      reader.join();
      return 1;
    }
    List<Sample> samples = new ArrayList<>();
    long started = System.nanoTime();
    long pollsBefore = 0;
    long pollingBefore = 0;
    try (KafkaProducer<String, SpecificRecord> producer = kafka.producer(0)) {
      for (int i = 0; i < warmUp + events; i++) {
        if (i == warmUp) {
          pollsBefore = polls;
          pollingBefore = pollingNanos;
          started = System.nanoTime();
        }
        String incidentId = run + i;
        IncidentOpened opened = opened(incidentId);
        Sample open = measure(producer, incidentId, opened, opened.getEventId(), "major_outage");
        Sample resolve = measure(producer, incidentId, resolved(incidentId), null, "operational");
        if (open == null || resolve == null) {
          System.out.println("event " + i + " did not show within " + TIMEOUT + ": stopping");
          break;
        }
        if (i >= warmUp) {
          samples.add(open);
          samples.add(resolve);
        }
      }
    }
    long elapsed = System.nanoTime() - started;
    Thread.sleep(3000); // the last read-backs and commits
    kafka.stop();
    reader.join();

    List<Double> visible = new ArrayList<>();
    List<Double> visibleOpened = new ArrayList<>();
    List<Double> visibleResolved = new ArrayList<>();
    List<Double> echoes = new ArrayList<>();
    List<Double> commits = new ArrayList<>();
    for (Sample sample : samples) {
      double millis = (sample.visibleAt - sample.ackedAt) / 1e6;
      visible.add(millis);
      (sample.opening ? visibleOpened : visibleResolved).add(millis);
      Long echo = echoedAt.get(sample.eventId);
      if (echo != null) {
        echoes.add((echo - sample.ackedAt) / 1e6);
      }
      Long commit = committedAt.get(sample.eventId);
      if (commit != null) {
        commits.add((commit - sample.ackedAt) / 1e6);
      }
    }
    int measured = samples.size() / 2;
    System.out.printf("%d incidents opened and resolved (%d samples) after %d warm-up ones, in %.1f s; "
            + "summary.json polled with If-None-Match and %.1f ms pauses: %d requests, one per %.2f ms while waiting%n",
        measured, samples.size(), warmUp, elapsed / 1e9, pollIntervalNanos / 1e6, polls - pollsBefore,
        (pollingNanos - pollingBefore) / 1e6 / Math.max(1, polls - pollsBefore));
    System.out.println("event acked -> visible in summary.json:          " + Percentiles.of(visible));
    System.out.println("  IncidentOpened -> checkout major_outage:        " + Percentiles.of(visibleOpened));
    System.out.println("  IncidentResolved -> checkout operational:       " + Percentiles.of(visibleResolved));
    System.out.println("baseline, event acked -> read back (incidents):   " + Percentiles.of(echoes));
    System.out.println("event acked -> its ComponentStatusChanged committed: " + Percentiles.of(commits));
    int quarter = Math.max(1, visible.size() / 4);
    System.out.println("trend: first quarter " + Percentiles.of(visible.subList(0, quarter)) + "; last quarter "
        + Percentiles.of(visible.subList(visible.size() - quarter, visible.size())));
    return visible.isEmpty() ? 1 : 0;
  }

  private record Sample(UUID eventId, boolean opening, long ackedAt, long visibleAt) {
  }

  /** Publishes the event, waits for the acknowledgement, then polls summary.json until checkout shows {@code status}. */
  private Sample measure(KafkaProducer<String, SpecificRecord> producer, String incidentId, SpecificRecord event,
      UUID openedEventId, String status) throws Exception {
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000_000L));
    AtomicLong ackedAt = new AtomicLong();
    producer.send(new ProducerRecord<>(Topics.INCIDENTS.name(), incidentId, event), (metadata, error) -> {
      if (error == null) {
        ackedAt.set(System.nanoTime());
      }
    }).get();
    long acked = ackedAt.get();
    if (awaitStatus(status, acked + TIMEOUT.toNanos()).equals(status)) {
      long visibleAt = lastResponseAt;
      UUID eventId = openedEventId != null ? openedEventId : ((IncidentResolved) event).getEventId();
      return new Sample(eventId, openedEventId != null, acked, visibleAt);
    }
    return null;
  }

  /** Polls until checkout shows {@code status} or the deadline passes; returns the status last shown. */
  private String awaitStatus(String status, long deadline) throws IOException, InterruptedException {
    long began = System.nanoTime();
    try {
      while (true) {
        poll();
        if (status.equals(shownStatus) || System.nanoTime() > deadline) {
          return String.valueOf(shownStatus);
        }
        LockSupport.parkNanos(pollIntervalNanos);
      }
    } finally {
      pollingNanos += System.nanoTime() - began;
    }
  }

  private void poll() throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(summary).timeout(Duration.ofSeconds(10)).GET();
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    lastResponseAt = System.nanoTime();
    polls++;
    if (response.statusCode() == 304) {
      return;
    }
    if (response.statusCode() != 200) {
      shownStatus = "HTTP " + response.statusCode();
      etag = null;
      return;
    }
    Matcher matcher = STATUS.matcher(new String(response.body(), StandardCharsets.UTF_8));
    if (!matcher.find()) {
      throw new IllegalStateException("no component " + COMPONENT + " in " + summary);
    }
    shownStatus = matcher.group(1);
    etag = response.headers().firstValue("ETag").orElse(null);
  }

  private static IncidentOpened opened(String incidentId) {
    return IncidentOpened.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setSource("statuspage-bench")
        .setIncidentId(incidentId).setDedupKey(incidentId).setService("checkout-api").setSeverity(Severity.SEV1)
        .setUrgency(Urgency.high).setTitle("bench: checkout-api error rate above 5 %").setAlertFingerprint(incidentId)
        .setOpenedBy(BENCH_SYSTEM).build();
  }

  private static IncidentResolved resolved(String incidentId) {
    return IncidentResolved.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setSource("statuspage-bench")
        .setIncidentId(incidentId).setActor(BENCH_USER).setReason(ResolutionReason.manual).build();
  }
}
