package io.codelibra.lifeline.failover.health;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Probes HTTP and HTTPS health checks with the JDK {@link HttpClient}, following Route 53's rules.
 *
 * <p>Healthy: a connection within {@code connectTimeout}, then a status 200..399 within {@code responseTimeout}
 * (redirects are not followed: a 3xx is healthy); with a search string, the first 5,120 bytes of the body, read
 * within a further {@code responseTimeout}, must contain it. Like Route 53, HTTPS does not validate the certificate
 * or the host name: an expired certificate does not make a region fail over. The JDK measures the response timeout
 * from the start of the exchange, connect included, so it is a little stricter than Route 53's "after connecting".
 */
public final class HttpHealthProbe implements HealthProbe {

  /** Route 53 searches only this much of the body for the search string. */
  public static final int SEARCH_LIMIT_BYTES = 5120;

  private final Map<Duration, HttpClient> clientsByConnectTimeout = new ConcurrentHashMap<>();
  private final ExecutorService bodyReaders = Executors.newVirtualThreadPerTaskExecutor();
  private final SSLContext trustingTls = trustingTlsContext();

  @Override
  public ProbeResult probe(HealthCheckDefinition check) {
    if (!check.type().isHttp()) {
      throw new IllegalArgumentException("health check '%s' is %s, not HTTP or HTTPS".formatted(check.id(),
          check.type()));
    }
    long started = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(uri(check))
        .timeout(check.responseTimeout())
        .header("User-Agent", "Lifeline-Health-Check")
        .GET()
        .build();
    try {
      HttpResponse<InputStream> response = client(check.connectTimeout())
          .send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        int status = response.statusCode();
        if (status < 200 || status >= 400) {
          return ProbeResult.failed(since(started), "HTTP " + status);
        }
        if (check.searchString() == null) {
          return ProbeResult.passed(since(started));
        }
        String prefix = readPrefix(body, check.responseTimeout());
        if (prefix == null) {
          return ProbeResult.failed(since(started),
              "body timed out after %d ms".formatted(check.responseTimeout().toMillis()));
        }
        return prefix.contains(check.searchString()) ? ProbeResult.passed(since(started))
            : ProbeResult.failed(since(started),
                "search string not found in the first %d bytes".formatted(SEARCH_LIMIT_BYTES));
      }
    } catch (HttpConnectTimeoutException e) {
      return ProbeResult.failed(since(started),
          "connect timed out after %d ms".formatted(check.connectTimeout().toMillis()));
    } catch (HttpTimeoutException e) {
      return ProbeResult.failed(since(started),
          "response timed out after %d ms".formatted(check.responseTimeout().toMillis()));
    } catch (ConnectException e) {
      return ProbeResult.failed(since(started), connectFailure(e));
    } catch (SSLException e) {
      return ProbeResult.failed(since(started), "TLS failed: " + e.getMessage());
    } catch (IOException e) {
      return ProbeResult.failed(since(started), describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.failed(since(started), "probe interrupted");
    }
  }

  /** The first {@link #SEARCH_LIMIT_BYTES} of the body as text, or null when they did not arrive in time. */
  private String readPrefix(InputStream body, Duration timeout) throws IOException, InterruptedException {
    Future<byte[]> read = bodyReaders.submit(() -> body.readNBytes(SEARCH_LIMIT_BYTES));
    try {
      // A match cut off by the limit fails, as in Route 53; a split UTF-8 character at the end cannot match anyway.
      return new String(read.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
    } catch (TimeoutException e) {
      read.cancel(true);
      return null;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("reading the body failed", e.getCause());
    }
  }

  private HttpClient client(Duration connectTimeout) {
    return clientsByConnectTimeout.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(trustingTls)
        .build());
  }

  private static URI uri(HealthCheckDefinition check) {
    String host = check.host();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    String scheme = check.type() == HealthCheckType.HTTPS ? "https" : "http";
    try {
      return new URI(scheme + "://" + host + ":" + check.port() + check.resourcePath());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("health check '%s' has no valid URL: %s".formatted(check.id(),
          e.getMessage()), e);
    }
  }

  private static String connectFailure(ConnectException e) {
    // The JDK client often throws a ConnectException without a message, with the socket's cause behind it.
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage() != null ? cause.getMessage() : e.getMessage();
    return message == null || message.toLowerCase().contains("refused") ? "connection refused"
        : "connect failed: " + message;
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private static SSLContext trustingTlsContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustingTrustManager()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS for HTTPS health checks", e);
    }
  }

  /**
   * Accepts any server certificate and host name, as Route 53's HTTPS checks do. Being an
   * {@link X509ExtendedTrustManager} keeps the JDK from adding its own host-name check.
   */
  private static final class TrustingTrustManager extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
