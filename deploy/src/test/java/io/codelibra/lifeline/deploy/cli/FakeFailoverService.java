package io.codelibra.lifeline.deploy.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for failover-service on a real local port: it records every request and serves canned answers per
 * method and path, in order, repeating the last one (so a drill can go running, running, succeeded).
 */
final class FakeFailoverService implements AutoCloseable {

  /** A request as it arrived: what the CLI sent on the wire. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {

    String header(String name) {
      return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private record Canned(int status, String contentType, String body, Map<String, String> headers) {
  }

  private final HttpServer server;
  private final Map<String, Deque<Canned>> answers = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  FakeFailoverService() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeFailoverService answer(String method, String path, int status, String json) {
    return answer(method, path, status, json, Map.of());
  }

  FakeFailoverService answer(String method, String path, int status, String json, Map<String, String> headers) {
    String contentType = status >= 400 ? "application/problem+json" : "application/json";
    answers.computeIfAbsent(method + " " + path, key -> new ArrayDeque<>())
        .add(new Canned(status, contentType, json, headers));
    return this;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> received(String method, String path) {
    return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    received.add(new Received(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
    Deque<Canned> queue = answers.get(method + " " + path);
    Canned canned;
    if (queue == null || queue.isEmpty()) {
      canned = new Canned(404, "application/problem+json", "{\"title\":\"Not Found\",\"detail\":\"no such thing: " + path + "\"}", Map.of());
    } else {
      synchronized (queue) {
        canned = queue.size() > 1 ? queue.poll() : queue.peek();
      }
    }
    byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", canned.contentType());
    canned.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
