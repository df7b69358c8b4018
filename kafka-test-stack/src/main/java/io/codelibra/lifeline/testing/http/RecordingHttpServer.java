package io.codelibra.lifeline.testing.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real HTTP endpoint on an ephemeral local port that records each request and answers as scripted, for
 * tests of outbound HTTP integrations (webhooks, Slack, PagerDuty, Statuspage.io).
 */
public final class RecordingHttpServer implements AutoCloseable {

  /** One request as the endpoint received it. */
  public record Received(String method, String path, Headers headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  private record Answer(int status, String body, Map<String, String> headers, Duration delay) {
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile Answer otherwise = new Answer(200, "ok", Map.of(), Duration.ZERO);

  private RecordingHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public static RecordingHttpServer start() throws IOException {
    return new RecordingHttpServer();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** The next request gets this answer; requests after the script get the default. */
  public RecordingHttpServer thenAnswer(int status, String body) {
    return thenAnswer(status, body, Map.of());
  }

  /** The next request gets this answer with these response headers (a {@code Retry-After}, say). */
  public RecordingHttpServer thenAnswer(int status, String body, Map<String, String> headers) {
    script.add(new Answer(status, body, Map.copyOf(headers), Duration.ZERO));
    return this;
  }

  public RecordingHttpServer thenAnswerAfter(Duration delay, int status) {
    script.add(new Answer(status, "", Map.of(), delay));
    return this;
  }

  public RecordingHttpServer otherwiseAnswer(int status, String body) {
    otherwise = new Answer(status, body, Map.of(), Duration.ZERO);
    return this;
  }

  public Received take() throws InterruptedException {
    Received request = received.poll(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the endpoint received no request");
    }
    return request;
  }

  public int requestCount() {
    return received.size();
  }

  @Override
  public void close() {
    if (stopped.compareAndSet(false, true)) {
      server.stop(0);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
      Answer answer = script.poll();
      if (answer == null) {
        answer = otherwise;
      }
      if (!answer.delay().isZero()) {
        try {
          Thread.sleep(answer.delay());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      answer.headers().forEach(exchange.getResponseHeaders()::set);
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
