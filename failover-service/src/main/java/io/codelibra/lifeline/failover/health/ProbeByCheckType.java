package io.codelibra.lifeline.failover.health;

import java.util.Objects;

/** The probe to wire into a {@link RegionHealthMonitor}: sends each check to the HTTP or the TCP probe by type. */
public final class ProbeByCheckType implements HealthProbe {

  private final HealthProbe http;
  private final HealthProbe tcp;

  public ProbeByCheckType(HealthProbe http, HealthProbe tcp) {
    this.http = Objects.requireNonNull(http, "http");
    this.tcp = Objects.requireNonNull(tcp, "tcp");
  }

  /** The real probes: {@link HttpHealthProbe} and {@link TcpHealthProbe}. */
  public static ProbeByCheckType standard() {
    return new ProbeByCheckType(new HttpHealthProbe(), new TcpHealthProbe());
  }

  @Override
  public ProbeResult probe(HealthCheckDefinition check) {
    return switch (check.type()) {
      case HTTP, HTTPS -> http.probe(check);
      case TCP -> tcp.probe(check);
    };
  }
}
