package io.codelibra.lifeline.failover.executor;

import io.codelibra.lifeline.failover.routing.StepTimedOutException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests the public entry point, as a user would, until a 2xx answer contains the region's marker (by default the
 * region name, e.g. the demo regions' {@code "region":"us-west-2"}), polling every {@code pollEvery} for at most
 * {@code timeout}: DNS answers may take up to their TTL to move.
 */
public final class HttpTrafficVerification implements TrafficVerification {

  private final URI url;
  private final String expectedTemplate;
  private final Duration timeout;
  private final Duration pollEvery;
  private final HttpClient http;

  /** @param expectedTemplate text the answer must contain, {@code {region}} replaced by the region */
  public HttpTrafficVerification(URI url, String expectedTemplate, Duration timeout, Duration pollEvery) {
    this.url = url;
    this.expectedTemplate = expectedTemplate;
    this.timeout = timeout;
    this.pollEvery = pollEvery;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public String verifyServedBy(String region) {
    String expected = expectedTemplate.replace("{region}", region);
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2 && response.body().contains(expected)) {
          return url + " served by " + region + " (HTTP " + response.statusCode() + ", attempt " + attempts + ")";
        }
        last = "HTTP " + response.statusCode() + ": " + abbreviated(response.body());
      } catch (IOException e) {
        last = e.getClass().getSimpleName() + ": " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while verifying traffic on " + url, e);
      }
      if (System.nanoTime() + pollEvery.toNanos() > deadline) {
        throw new StepTimedOutException(url + " not served by " + region + " within " + timeout.toMillis() + " ms (" + attempts
            + " attempts; last: " + last + ")");
      }
      try {
        Thread.sleep(pollEvery);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while verifying traffic on " + url, e);
      }
    }
  }

  private static String abbreviated(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
