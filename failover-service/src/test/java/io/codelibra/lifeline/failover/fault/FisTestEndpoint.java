package io.codelibra.lifeline.failover.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.codelibra.lifeline.failover.routing.AwsTestEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.fis.FisClient;

/**
 * A local FIS endpoint answering scripted JSON and recording each request with its query string, which FIS's REST API
 * uses ({@code GET /experiments?experimentTemplateId=...}) and {@code RecordingHttpServer} does not keep.
 */
final class FisTestEndpoint implements AutoCloseable {

  /** One request as the endpoint received it. */
  record Received(String method, String path, String query, String authorization, String body) {
  }

  private record Answer(int status, String json) {
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private volatile Answer otherwise = new Answer(500, "{\"message\":\"unscripted request\"}");

  private FisTestEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  static FisTestEndpoint start() throws IOException {
    return new FisTestEndpoint();
  }

  FisClient client(Region region) {
    return FisClient.builder()
        .region(region)
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .credentialsProvider(AwsTestEndpoint.FAKE_CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  FisTestEndpoint thenAnswer(int status, String json) {
    script.add(new Answer(status, json));
    return this;
  }

  FisTestEndpoint otherwiseAnswer(int status, String json) {
    otherwise = new Answer(status, json);
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
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      Answer answer = script.poll();
      if (answer == null) {
        answer = otherwise;
      }
      byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
