package io.codelibra.lifeline.ingest.cloudwatch;

import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.snsKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.codelibra.lifeline.ingest.cloudwatch.SnsVerificationFailure.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnsCertificateCacheTest {

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private SnsCertificateCache cache;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestURI().getPath());
      String path = exchange.getRequestURI().getPath();
      byte[] body = switch (path) {
        case "/cert.pem", "/other.pem" -> snsKey().certificatePem().getBytes(StandardCharsets.US_ASCII);
        case "/html.pem" -> "<html>not a certificate</html>".getBytes(StandardCharsets.US_ASCII);
        default -> new byte[0];
      };
      int status = switch (path) {
        case "/down.pem" -> 503;
        case "/moved.pem" -> 302;
        case "/cert.pem", "/other.pem", "/html.pem" -> 200;
        default -> 404;
      };
      if (status == 302) {
        exchange.getResponseHeaders().add("Location", "/cert.pem");
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    cache = new SnsCertificateCache(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
        Duration.ofSeconds(5), 1);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void fetchesACertificateOnceAndThenServesItFromTheCache() {
    assertThat(cache.certificateAt(url("/cert.pem"))).isEqualTo(snsKey().certificate());
    assertThat(cache.certificateAt(url("/cert.pem"))).isEqualTo(snsKey().certificate());

    assertThat(requests).containsExactly("/cert.pem");
  }

  @Test
  void keepsOnlyAsManyCertificatesAsConfigured() {
    cache.certificateAt(url("/cert.pem"));
    cache.certificateAt(url("/other.pem"));
    cache.certificateAt(url("/cert.pem"));

    assertThat(requests).containsExactly("/cert.pem", "/other.pem", "/cert.pem");
  }

  @Test
  void somethingThatIsNotACertificateIsABadCertificate() {
    assertFails("/html.pem", Reason.BAD_CERTIFICATE, "SigningCertURL does not serve an X.509 certificate");
  }

  @Test
  void aMissingCertificateIsABadCertificate() {
    assertFails("/gone.pem", Reason.BAD_CERTIFICATE, "SigningCertURL answered 404, not a certificate");
  }

  @Test
  void redirectsAreNotFollowed() {
    assertFails("/moved.pem", Reason.BAD_CERTIFICATE, "SigningCertURL answered 302, not a certificate");
    assertThat(requests).containsExactly("/moved.pem");
  }

  @Test
  void aServerErrorMeansTheCertificateIsUnavailableForNow() {
    assertFails("/down.pem", Reason.CERTIFICATE_UNAVAILABLE, "the signing certificate host answered 503");
  }

  @Test
  void anUnreachableHostMeansTheCertificateIsUnavailableForNow() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> cache.certificateAt(URI.create("http://127.0.0.1:" + closedPort + "/cert.pem")))
        .isInstanceOfSatisfying(SnsVerificationFailure.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_UNAVAILABLE));
  }

  private void assertFails(String path, Reason reason, String message) {
    assertThatThrownBy(() -> cache.certificateAt(url(path)))
        .isInstanceOfSatisfying(SnsVerificationFailure.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessage(message);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }
}
