package io.codelibra.lifeline.failover.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpHealthProbeTest {

  private final TcpHealthProbe probe = new TcpHealthProbe();

  private static HealthCheckDefinition check(int port) {
    return HealthCheckDefinition.builder("db-local", "local-1").ipAddress("127.0.0.1").port(port)
        .type(HealthCheckType.TCP).connectTimeout(Duration.ofMillis(500)).build();
  }

  @Test
  void anOpenPortIsHealthy() throws IOException {
    try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      ProbeResult result = probe.probe(check(listening.getLocalPort()));

      assertThat(result.healthy()).isTrue();
      assertThat(result.error()).isNull();
    }
  }

  @Test
  void aClosedPortIsUnhealthy() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    ProbeResult result = probe.probe(check(closedPort));

    assertThat(result.healthy()).isFalse();
    assertThat(result.error()).isEqualTo("connection refused");
  }

  @Test
  void anUnknownHostIsUnhealthy() {
    HealthCheckDefinition check = HealthCheckDefinition.builder("db", "local-1").fqdn("no-such-host.invalid")
        .port(5432).type(HealthCheckType.TCP).build();

    assertThat(probe.probe(check).error()).isEqualTo("unknown host no-such-host.invalid");
  }

  @Test
  void theTypeRouterSendsTcpChecksToTheTcpProbe() {
    ProbeByCheckType router = new ProbeByCheckType(check -> ProbeResult.failed(Duration.ZERO, "http"),
        check -> ProbeResult.failed(Duration.ZERO, "tcp"));

    assertThat(router.probe(check(1)).error()).isEqualTo("tcp");
  }
}
