package io.codelibra.lifeline.failover.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Probes TCP health checks: healthy when a connection is established within {@code connectTimeout}. */
public final class TcpHealthProbe implements HealthProbe {

  @Override
  public ProbeResult probe(HealthCheckDefinition check) {
    long started = System.nanoTime();
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, check.connectTimeout().toMillis());
    InetSocketAddress address = new InetSocketAddress(check.host(), check.port());
    if (address.isUnresolved()) {
      return ProbeResult.failed(since(started), "unknown host " + check.host());
    }
    try (Socket socket = new Socket()) {
      socket.connect(address, timeoutMillis);
      return ProbeResult.passed(since(started));
    } catch (SocketTimeoutException e) {
      return ProbeResult.failed(since(started), "connect timed out after %d ms".formatted(timeoutMillis));
    } catch (ConnectException e) {
      String message = e.getMessage();
      return ProbeResult.failed(since(started),
          message == null || message.toLowerCase().contains("refused") ? "connection refused"
              : "connect failed: " + message);
    } catch (IOException e) {
      return ProbeResult.failed(since(started),
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
