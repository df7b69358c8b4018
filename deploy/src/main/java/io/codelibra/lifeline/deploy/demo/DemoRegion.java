package io.codelibra.lifeline.deploy.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One demo region of the local stack: a small real HTTP app that failover-service's health checks probe and the
 * {@code www} entry point sends traffic to. {@code GET /health} answers 200, or 503 while the region's fault is on;
 * {@code GET /} says which region served it; {@code GET /orders} lists the region's data (a JSON-lines file that
 * failover-service's local database failover copies to the secondary); {@code PUT /fault} with {@code on} or {@code off} (and the stack's API key
 * as a bearer token) switches the fault, the local form of a fault-injection experiment.
 */
public final class DemoRegion implements AutoCloseable {

  private final String name;
  private final byte[] apiKey;
  private final AtomicBoolean fault = new AtomicBoolean();
  private final HttpServer server;
  private final Path dataFile;

  public DemoRegion(String name, int port, String apiKey) throws IOException {
    this(name, port, apiKey, null);
  }

  /** @param dataFile the region's data (JSON lines), served at {@code GET /orders}; null for none */
  public DemoRegion(String name, int port, String apiKey, Path dataFile) throws IOException {
    this.name = name;
    this.dataFile = dataFile;
    this.apiKey = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/health", this::health);
    server.createContext("/fault", this::fault);
    server.createContext("/orders", this::orders);
    server.createContext("/", this::home);
  }

  public DemoRegion start() {
    server.start();
    return this;
  }

  public String name() {
    return name;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public boolean faulty() {
    return fault.get();
  }

  private void health(HttpExchange exchange) throws IOException {
    boolean down = fault.get();
    respond(exchange, down ? 503 : 200, "{\"region\":\"" + name + "\",\"status\":\"" + (down ? "fault" : "ok") + "\"}\n");
  }

  private void home(HttpExchange exchange) throws IOException {
    if (fault.get()) {
      respond(exchange, 503, "{\"region\":\"" + name + "\",\"error\":\"region unavailable (fault injected)\"}\n");
      return;
    }
    respond(exchange, 200, "{\"region\":\"" + name + "\",\"message\":\"served by " + name + "\"}\n");
  }

  /** The region's data as it is in its store now: after a failover, the secondary serves the promoted copy. */
  private void orders(HttpExchange exchange) throws IOException {
    if (fault.get()) {
      respond(exchange, 503, "{\"region\":\"" + name + "\",\"error\":\"region unavailable (fault injected)\"}\n");
      return;
    }
    List<String> orders = dataFile == null || !Files.exists(dataFile) ? List.of()
        : Files.readAllLines(dataFile, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
    respond(exchange, 200, "{\"region\":\"" + name + "\",\"orders\":[" + String.join(",", orders) + "]}\n");
  }

  private void fault(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("GET")) {
      respond(exchange, 200, "{\"region\":\"" + name + "\",\"fault\":" + fault.get() + "}\n");
      return;
    }
    if (!exchange.getRequestMethod().equals("PUT")) {
      respond(exchange, 405, "{\"error\":\"GET or PUT\"}\n");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !MessageDigest.isEqual(apiKey, authorization.getBytes(StandardCharsets.UTF_8))) {
      respond(exchange, 401, "{\"error\":\"the stack's API key is needed to switch a fault\"}\n");
      return;
    }
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readNBytes(16), StandardCharsets.UTF_8).strip();
    }
    switch (body) {
      case "on" -> fault.set(true);
      case "off" -> fault.set(false);
      default -> {
        respond(exchange, 400, "{\"error\":\"body must be on or off\"}\n");
        return;
      }
    }
    respond(exchange, 200, "{\"region\":\"" + name + "\",\"fault\":" + fault.get() + "}\n");
  }

  static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
