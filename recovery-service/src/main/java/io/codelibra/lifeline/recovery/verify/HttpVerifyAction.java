package io.codelibra.lifeline.recovery.verify;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http.verify}: polls a URL (every {@code poll-every}, default 1s) until it answers {@code expect-status}
 * (default 200) with {@code expect-body} in its body when given, or fails when the step's timeout passes. Redirects are
 * followed only within the same scheme, host and port: a health check must not end up vouching for another host.
 * Only reads, so retries are safe.
 */
public final class HttpVerifyAction implements RecoveryAction {

  private static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
  private static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(10);
  private static final int MAX_REDIRECTS = 5;
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final HttpClient http;
  private final Clock clock;

  public HttpVerifyAction(Clock clock) {
    this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build(), clock);
  }

  /** {@code http} must not follow redirects itself. */
  public HttpVerifyAction(HttpClient http, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "http.verify";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("url");
  }

  @Override
  public String plan(ActionCall call) {
    return "GET " + shown(uri(call)) + " until it answers " + expectedStatus(call)
        + call.optional("expect-body").map(body -> " with '" + body + "' in its body").orElse("")
        + ", polling every " + call.duration("poll-every", DEFAULT_POLL) + " for up to " + call.timeout();
  }

  @Override
  public ActionResult execute(ActionCall call) {
    URI uri = uri(call);
    int expectedStatus = expectedStatus(call);
    Optional<String> expectedBody = call.optional("expect-body");
    Duration pollEvery = call.duration("poll-every", DEFAULT_POLL);
    Instant deadline = clock.instant().plus(call.timeout());
    int attempts = 0;
    String last = "no answer yet";
    while (true) {
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (!remaining.isPositive()) {
        throw new ActionFailedException("GET " + shown(uri) + " did not answer " + expectedStatus
            + expectedBody.map(body -> " with '" + body + "'").orElse("") + " within " + call.timeout() + " ("
            + attempts + " attempts); last: " + last, true);
      }
      attempts++;
      Observation observed = get(uri, remaining.compareTo(MAX_REQUEST_TIME) < 0 ? remaining : MAX_REQUEST_TIME);
      boolean cutOffByDeadline = observed.status() < 0 && !clock.instant().isBefore(deadline) && attempts > 1;
      // An attempt cut short by the step's own deadline says nothing new: the answer before it is the news.
      last = cutOffByDeadline ? last + " (the final attempt was cut off by the deadline)" : observed.describe();
      if (observed.status() == expectedStatus
          && expectedBody.map(body -> observed.body() != null && observed.body().contains(body)).orElse(true)) {
        return new ActionResult(Map.of("status", Integer.toString(observed.status()),
            "attempts", Integer.toString(attempts)),
            "GET " + shown(uri) + " answered " + observed.status() + " after " + attempts + " attempt(s)");
      }
      if (observed.status() == expectedStatus) {
        last = "status " + observed.status() + " without '" + expectedBody.orElseThrow() + "' in the body";
      }
      pause(Duration.between(clock.instant(), deadline), pollEvery);
    }
  }

  /** What one attempt saw: a status and body, or why there was none ({@code status} -1). */
  private record Observation(int status, String body, String failure) {

    String describe() {
      return status < 0 ? failure : "status " + status;
    }
  }

  private Observation get(URI uri, Duration timeout) {
    URI current = uri;
    for (int hop = 0; ; hop++) {
      HttpResponse<InputStream> response;
      try {
        response = http.send(HttpRequest.newBuilder(current).GET().timeout(timeout).build(),
            HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        return new Observation(-1, null, e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ActionFailedException("interrupted while verifying " + shown(uri), true, e);
      }
      int status = response.statusCode();
      Optional<String> location = response.headers().firstValue("Location");
      if (status >= 300 && status < 400 && location.isPresent() && hop < MAX_REDIRECTS) {
        URI next = current.resolve(location.get());
        if (sameOrigin(uri, next)) {
          drain(response);
          current = next;
          continue;
        }
      }
      return new Observation(status, body(response), null);
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && b.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String body(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  private static void drain(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.readNBytes(MAX_BODY_BYTES);
    } catch (IOException e) {
      // the redirect's body is of no use; a broken one only costs the connection
    }
  }

  private static void pause(Duration remaining, Duration pollEvery) {
    if (!remaining.isPositive()) {
      return;
    }
    try {
      Thread.sleep(remaining.compareTo(pollEvery) < 0 ? remaining : pollEvery);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionFailedException("interrupted while waiting to verify again", true, e);
    }
  }

  private static int expectedStatus(ActionCall call) {
    String text = call.optional("expect-status").orElse("200");
    try {
      int status = Integer.parseInt(text);
      if (status >= 100 && status <= 599) {
        return status;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ActionFailedException("expect-status '" + text + "' is not an HTTP status", false);
  }

  private static URI uri(ActionCall call) {
    String text = call.required("url");
    try {
      URI uri = new URI(text);
      if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        throw new ActionFailedException("url must be an absolute http(s) URL with a host", false);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ActionFailedException("url is not a valid URL: " + e.getReason(), false);
    }
  }

  /** The URL without user info or query, which may carry credentials or tokens. */
  private static String shown(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
  }
}
