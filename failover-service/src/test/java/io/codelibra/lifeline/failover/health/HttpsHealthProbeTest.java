package io.codelibra.lifeline.failover.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS checks, like Route 53's, accept any certificate: an expired one for another host here. */
class HttpsHealthProbeTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  Path dir;
  private HttpsServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void anExpiredCertificateForAnotherHostIsStillHealthy() throws Exception {
    int port = serveHttps(expiredCertificateFor("CN=other.example.com"), 200, "{\"status\":\"UP\"}");
    HealthCheckDefinition check = HealthCheckDefinition.builder("api-tls", "local-1").ipAddress("127.0.0.1")
        .port(port).type(HealthCheckType.HTTPS).resourcePath("/health").searchString("UP")
        .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(2)).build();

    ProbeResult result = new HttpHealthProbe().probe(check);

    assertThat(result.error()).isNull();
    assertThat(result.healthy()).isTrue();
  }

  @Test
  void anHttpsErrorStatusIsUnhealthy() throws Exception {
    int port = serveHttps(expiredCertificateFor("CN=localhost"), 500, "boom");
    HealthCheckDefinition check = HealthCheckDefinition.builder("api-tls", "local-1").ipAddress("127.0.0.1")
        .port(port).type(HealthCheckType.HTTPS).build();

    assertThat(new HttpHealthProbe().probe(check).error()).isEqualTo("HTTP 500");
  }

  private Path expiredCertificateFor(String distinguishedName) throws IOException, InterruptedException {
    Path keystore = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
        "-dname", distinguishedName, "-startdate", "-3d", "-validity", "1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("keytool: %s", output).isZero();
    return keystore;
  }

  private int serveHttps(Path keystore, int status, String body) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return server.getAddress().getPort();
  }
}
