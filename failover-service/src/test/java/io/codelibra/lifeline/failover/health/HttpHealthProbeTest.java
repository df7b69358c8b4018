package io.codelibra.lifeline.failover.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpHealthProbeTest {

  private final HttpHealthProbe probe = new HttpHealthProbe();
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private int serve(HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", handler);
    server.start();
    return server.getAddress().getPort();
  }

  private static HttpHandler answer(int status, String body) {
    return exchange -> respond(exchange, status, body);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static HealthCheckDefinition.Builder check(int port) {
    return HealthCheckDefinition.builder("api-local", "local-1").ipAddress("127.0.0.1").port(port)
        .type(HealthCheckType.HTTP).resourcePath("/health").requestInterval(Duration.ofSeconds(1))
        .connectTimeout(Duration.ofMillis(500)).responseTimeout(Duration.ofMillis(500));
  }

  @Test
  void status200IsHealthy() throws IOException {
    int port = serve(answer(200, "ok"));

    ProbeResult result = probe.probe(check(port).build());

    assertThat(result.healthy()).isTrue();
    assertThat(result.error()).isNull();
    assertThat(result.latency()).isPositive();
  }

  @Test
  void requestsTheResourcePath() throws IOException {
    int port = serve(exchange -> respond(exchange, "/health/deep".equals(exchange.getRequestURI().getPath())
        ? 200 : 404, ""));

    assertThat(probe.probe(check(port).resourcePath("/health/deep").build()).healthy()).isTrue();
    assertThat(probe.probe(check(port).resourcePath("/other").build()).error()).isEqualTo("HTTP 404");
  }

  @Test
  void status503IsUnhealthy() throws IOException {
    int port = serve(answer(503, "down"));

    ProbeResult result = probe.probe(check(port).build());

    assertThat(result.healthy()).isFalse();
    assertThat(result.error()).isEqualTo("HTTP 503");
  }

  @Test
  void aRedirectIsHealthyAndNotFollowed() throws IOException {
    int port = serve(exchange -> {
      if (exchange.getRequestURI().getPath().equals("/health")) {
        exchange.getResponseHeaders().add("Location", "/broken");
        respond(exchange, 302, "");
      } else {
        respond(exchange, 500, "followed");
      }
    });

    assertThat(probe.probe(check(port).build()).healthy()).isTrue();
  }

  @Test
  void healthyWhenTheSearchStringIsInTheBody() throws IOException {
    int port = serve(answer(200, "{\"status\":\"UP\",\"db\":\"UP\"}"));

    assertThat(probe.probe(check(port).searchString("\"status\":\"UP\"").build()).healthy()).isTrue();
  }

  @Test
  void unhealthyWhenTheSearchStringIsMissing() throws IOException {
    int port = serve(answer(200, "{\"status\":\"DOWN\"}"));

    ProbeResult result = probe.probe(check(port).searchString("\"status\":\"UP\"").build());

    assertThat(result.healthy()).isFalse();
    assertThat(result.error()).isEqualTo("search string not found in the first 5120 bytes");
  }

  @Test
  void onlyTheFirst5120BytesAreSearched() throws IOException {
    int port = serve(exchange -> {
      String path = exchange.getRequestURI().getPath();
      int padding = path.equals("/within") ? 5120 - "READY".length() : 5121 - "READY".length();
      respond(exchange, 200, "x".repeat(padding) + "READY" + "y".repeat(1000));
    });

    assertThat(probe.probe(check(port).resourcePath("/within").searchString("READY").build()).healthy()).isTrue();
    assertThat(probe.probe(check(port).resourcePath("/beyond").searchString("READY").build()).healthy()).isFalse();
  }

  @Test
  void aResponseSlowerThanTheResponseTimeoutIsUnhealthy() throws IOException {
    int port = serve(exchange -> {
      sleep(Duration.ofMillis(1500));
      respond(exchange, 200, "late");
    });

    ProbeResult result = probe.probe(check(port).responseTimeout(Duration.ofMillis(300)).build());

    assertThat(result.healthy()).isFalse();
    assertThat(result.error()).isEqualTo("response timed out after 300 ms");
    assertThat(result.latency()).isLessThan(Duration.ofMillis(1400));
  }

  @Test
  void aBodySlowerThanTheResponseTimeoutFailsTheSearch() throws IOException {
    int port = serve(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("partial ".getBytes(StandardCharsets.UTF_8));
        out.flush();
        sleep(Duration.ofMillis(1500));
        out.write("READY".getBytes(StandardCharsets.UTF_8));
      } catch (IOException closedByTheProbe) {
        // The probe gave up and closed the connection, which is the point of the test.
      }
    });

    ProbeResult result = probe.probe(check(port).responseTimeout(Duration.ofMillis(300)).searchString("READY")
        .build());

    assertThat(result.healthy()).isFalse();
    assertThat(result.error()).isEqualTo("body timed out after 300 ms");
  }

  @Test
  void aRefusedConnectionIsUnhealthy() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    ProbeResult result = probe.probe(check(closedPort).build());

    assertThat(result.healthy()).isFalse();
    assertThat(result.error()).isEqualTo("connection refused");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
