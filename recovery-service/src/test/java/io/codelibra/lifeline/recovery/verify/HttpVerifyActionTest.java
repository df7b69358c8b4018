package io.codelibra.lifeline.recovery.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code http.verify} against a local JDK HTTP server. */
class HttpVerifyActionTest {

  private HttpServer server;
  private final AtomicInteger healthCalls = new AtomicInteger();
  private final AtomicInteger elsewhereCalls = new AtomicInteger();
  private final HttpVerifyAction action = new HttpVerifyAction(Clock.systemUTC());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // Unavailable for the first three calls, then healthy.
    server.createContext("/health", exchange -> {
      int call = healthCalls.incrementAndGet();
      answer(exchange, call <= 3 ? 503 : 200, call <= 3 ? "starting" : "{\"status\":\"UP\"}");
    });
    server.createContext("/down", exchange -> answer(exchange, 503, "down"));
    server.createContext("/moved", exchange -> {
      exchange.getResponseHeaders().set("Location", "/health");
      answer(exchange, 302, "");
    });
    server.createContext("/elsewhere", exchange -> {
      // Same server, but named "localhost" instead of 127.0.0.1: another host for the check.
      exchange.getResponseHeaders().set("Location", "http://localhost:" + port() + "/health");
      elsewhereCalls.incrementAndGet();
      answer(exchange, 302, "");
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void succeedsOnceTheServiceAnswersAfterAFew503s() {
    ActionResult result = action.execute(call(Map.of("url", url("/health"), "poll-every", "20ms",
        "expect-body", "UP"), Duration.ofSeconds(5)));

    assertThat(result.outputs()).containsExactlyInAnyOrderEntriesOf(Map.of("status", "200", "attempts", "4"));
  }

  @Test
  void failsOnTimeoutWithTheLastStatusInTheMessage() {
    assertThatThrownBy(() -> action.execute(call(Map.of("url", url("/down"), "poll-every", "50ms"),
        Duration.ofMillis(300))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("did not answer 200 within PT0.3S")
        .hasMessageContaining("last: status 503");
  }

  @Test
  void failsWhenTheBodyNeverHoldsTheExpectedText() {
    healthCalls.set(10);
    assertThatThrownBy(() -> action.execute(call(Map.of("url", url("/health"), "poll-every", "50ms",
        "expect-body", "\"status\":\"READY\""), Duration.ofMillis(200))))
        .isInstanceOf(ActionFailedException.class)
        .hasMessageContaining("last: status 200 without '\"status\":\"READY\"' in the body");
  }

  @Test
  void followsRedirectsOnTheSameHost() {
    healthCalls.set(10);
    ActionResult result = action.execute(call(Map.of("url", url("/moved")), Duration.ofSeconds(2)));

    assertThat(result.outputs()).containsEntry("status", "200");
  }

  @Test
  void neverFollowsARedirectToAnotherHost() {
    healthCalls.set(10);
    assertThatThrownBy(() -> action.execute(call(Map.of("url", url("/elsewhere"), "poll-every", "50ms"),
        Duration.ofMillis(200))))
        .isInstanceOf(ActionFailedException.class)
        .hasMessageContaining("last: status 302");
    assertThat(elsewhereCalls.get()).isPositive();
    assertThat(healthCalls.get()).isEqualTo(10);
  }

  @Test
  void expectsAnotherStatusWhenAsked() {
    ActionResult result = action.execute(call(Map.of("url", url("/down"), "expect-status", "503"),
        Duration.ofSeconds(2)));

    assertThat(result.outputs()).containsEntry("status", "503").containsEntry("attempts", "1");
  }

  @Test
  void rejectsAUrlThatIsNotHttpWithoutRetry() {
    assertThatThrownBy(() -> action.execute(call(Map.of("url", "file:///etc/passwd"), Duration.ofSeconds(1))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.retryable()).isFalse());
  }

  private static ActionCall call(Map<String, String> parameters, Duration timeout) {
    return new ActionCall("run-1", "verify", "run-1/verify", parameters, timeout);
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
