package io.codelibra.lifeline.recovery.kubernetes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A Kubernetes API server stand-in on a JDK HTTP server: answers each expected {@code METHOD path} (query excluded)
 * with a canned JSON, 404 otherwise, and records every request so tests can check what the client sent.
 */
final class FakeApiServer implements AutoCloseable {

  /** One request as received. */
  record Request(String method, String path, String query, String contentType, String body) {
  }

  private record Answer(int status, Supplier<String> body) {
  }

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeApiServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  FakeApiServer expect(String method, String path, int status, String json) {
    return expect(method, path, status, () -> json);
  }

  FakeApiServer expect(String method, String path, int status, Supplier<String> json) {
    answers.put(method + " " + path, new Answer(status, json));
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String method) {
    return requests.stream().filter(r -> r.method().equals(method)).toList();
  }

  KubernetesClient client() {
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .withRequestRetryBackoffLimit(0)
        .build();
    return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(method, path, exchange.getRequestURI().getQuery(),
        exchange.getRequestHeaders().getFirst("Content-Type"), body));
    Answer answer = answers.get(method + " " + path);
    byte[] response = (answer == null
        ? "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}"
        : answer.body().get()).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer == null ? 404 : answer.status(), response.length);
    try (var out = exchange.getResponseBody()) {
      out.write(response);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
