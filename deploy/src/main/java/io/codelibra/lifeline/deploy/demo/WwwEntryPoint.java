package io.codelibra.lifeline.deploy.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The local stack's {@code www}: the entry point customers would reach, routing every request to the active region
 * named in the routing file that failover-service's local traffic router writes (atomically, by rename). Each request
 * reads the file, so a flip takes effect on the next request; the answer names the region that served it
 * ({@code X-Lifeline-Region}). With no file yet, traffic goes to the primary.
 */
public final class WwwEntryPoint implements AutoCloseable {

  private final Path routingFile;
  private final String primary;
  private final Map<String, URI> regions;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final HttpServer server;

  public WwwEntryPoint(int port, Path routingFile, String primary, Map<String, URI> regions) throws IOException {
    this.routingFile = routingFile;
    this.primary = primary;
    this.regions = Map.copyOf(regions);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::route);
  }

  public WwwEntryPoint start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The region traffic goes to now. */
  public String activeRegion() throws IOException {
    try {
      String region = Files.readString(routingFile, StandardCharsets.UTF_8).strip();
      return regions.containsKey(region) ? region : primary;
    } catch (NoSuchFileException e) {
      return primary;
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String region = activeRegion();
    URI target = regions.get(region).resolve(exchange.getRequestURI().getRawPath());
    exchange.getResponseHeaders().set("X-Lifeline-Region", region);
    try {
      HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    } catch (IOException e) {
      DemoRegion.respond(exchange, 502, "{\"region\":\"" + region + "\",\"error\":\"" + e.getClass().getSimpleName() + "\"}\n");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      DemoRegion.respond(exchange, 503, "{\"error\":\"interrupted\"}\n");
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
