package io.codelibra.lifeline.recovery.aws;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.retries.DefaultRetryStrategy;

/**
 * A real local HTTP endpoint standing in for AWS: records each request (with its query string, which S3's
 * sub-resources like {@code ?versioning} live in) and answers XML as scripted. Like kafka-test-stack's
 * RecordingHttpServer, which drops the query.
 */
final class AwsTestEndpoint implements AutoCloseable {

  static final StaticCredentialsProvider FAKE_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLIFELINETEST", "lifeline-test-secret"));

  /** One request as the endpoint received it. */
  record Received(String method, String path, String query, Headers headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.getFirst(name);
    }

    /** The form-encoded body of a query-protocol call (RDS, ElastiCache). */
    Map<String, String> form() {
      Map<String, String> form = new LinkedHashMap<>();
      for (String pair : text().split("&")) {
        int equals = pair.indexOf('=');
        form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
      return form;
    }
  }

  private record Answer(int status, String body) {
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private volatile Answer otherwise = new Answer(500, "<Error><Code>NotScripted</Code></Error>");

  AwsTestEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Clients at this endpoint: fake credentials, no SDK retries (a scripted error is seen as it is). */
  RecoveryAwsClients clients() {
    return new RecoveryAwsClients(url(), FAKE_CREDENTIALS, DefaultRetryStrategy.doNotRetry());
  }

  /** An action context at this endpoint that polls every 20 ms. */
  AwsActionContext context() {
    return new AwsActionContext(clients(), Clock.systemUTC(), Duration.ofMillis(20));
  }

  AwsTestEndpoint thenAnswer(int status, String body) {
    script.add(new Answer(status, body));
    return this;
  }

  AwsTestEndpoint thenAnswer(String body) {
    return thenAnswer(200, body);
  }

  /** The answer to every request after the script. */
  AwsTestEndpoint otherwiseAnswer(int status, String body) {
    otherwise = new Answer(status, body);
    return this;
  }

  Received take() {
    try {
      Received request = received.poll(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("the endpoint received no request");
      }
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int requestCount() {
    return received.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
          exchange.getRequestBody().readAllBytes()));
      Answer answer = script.poll();
      if (answer == null) {
        answer = otherwise;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/xml");
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
