package io.codelibra.lifeline.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load driver for alert-ingest: N connections (one sender each, keep-alive),
 * a warm-up, then a measured run; prints requests/s, alerts/s, latency percentiles and the
 * answers that were not 2xx. Bounded in time, loopback only.
 *
 * <p>{@code IngestLoadDriver <url> <pagerduty|alertmanager> <secret> <connections> <seconds> [alerts-per-request]}
 */
public final class IngestLoadDriver {

  private IngestLoadDriver() {
  }

  /** What one measured run gave. */
  record Result(String label, long requests, long alerts, double seconds, long[] sortedLatencyNanos,
      Map<Integer, Long> failures) {

    double requestsPerSecond() {
      return requests / seconds;
    }

    double alertsPerSecond() {
      return alerts / seconds;
    }

    double percentileMillis(double percentile) {
      if (sortedLatencyNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.min(sortedLatencyNanos.length - 1, Math.ceil(percentile / 100 * sortedLatencyNanos.length) - 1);
      return sortedLatencyNanos[Math.max(0, index)] / 1e6;
    }

    String line() {
      return String.format("%-28s %10.0f req/s %12.0f alerts/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  non-2xx %s",
          label, requestsPerSecond(), alertsPerSecond(), percentileMillis(50), percentileMillis(99),
          percentileMillis(99.9), failures);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: IngestLoadDriver <url> <pagerduty|alertmanager> <secret> <connections> <seconds> "
          + "[alerts-per-request]");
      System.exit(2);
    }
    URI url = URI.create(args[0]);
    if (!List.of("localhost", "127.0.0.1", "[::1]").contains(url.getHost())) {
      throw new IllegalArgumentException("the load driver only targets this machine (loopback), not " + url.getHost());
    }
    RequestBodies bodies = RequestBodies.valueOf(args[1].toUpperCase());
    int connections = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int alertsPerRequest = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    run(url, bodies, args[2], connections, Duration.ofSeconds(Math.max(3, seconds / 3)), 1, "warm-up");
    Result result = run(url, bodies, args[2], connections, Duration.ofSeconds(seconds), alertsPerRequest,
        url.getPath() + " x" + alertsPerRequest);
    System.out.println(result.line());
  }

  static Result run(URI url, RequestBodies bodies, String secret, int connections, Duration duration,
      int alertsPerRequest, String label) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong requests = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    List<Map<Integer, Long>> failures = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
      long start = System.nanoTime();
      for (int c = 0; c < connections; c++) {
        long[] mine = new long[200_000];
        int[] count = new int[1];
        Map<Integer, Long> failed = new HashMap<>();
        synchronized (latencies) {
          latencies.add(mine);
          counts.add(count);
          failures.add(failed);
        }
        senders.submit(() -> {
          while (running.get() && count[0] < mine.length) {
            HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secret)
                .POST(HttpRequest.BodyPublishers.ofString(bodies.next(secret, alertsPerRequest)))
                .build();
            long sent = System.nanoTime();
            int status;
            try {
              status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
              status = -1;
            }
            if (status / 100 == 2) {
              mine[count[0]++] = System.nanoTime() - sent;
              requests.incrementAndGet();
            } else {
              failed.merge(status, 1L, Long::sum);
            }
          }
        });
      }
      Thread.sleep(duration.toMillis());
      running.set(false);
      senders.shutdown();
      senders.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
      double elapsed = (System.nanoTime() - start) / 1e9;
      long[] all = new long[counts.stream().mapToInt(count -> count[0]).sum()];
      int at = 0;
      for (int i = 0; i < latencies.size(); i++) {
        System.arraycopy(latencies.get(i), 0, all, at, counts.get(i)[0]);
        at += counts.get(i)[0];
      }
      Arrays.sort(all);
      Map<Integer, Long> allFailures = new HashMap<>();
      failures.forEach(map -> map.forEach((status, n) -> allFailures.merge(status, n, Long::sum)));
      return new Result(label, requests.get(), requests.get() * alertsPerRequest, elapsed, all, allFailures);
    }
  }
}
