package io.codelibra.lifeline.failover.executor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failovers are executed ({@code lifeline.failover.routing|database|verification.*}): which traffic router and
 * database adapter run (local for the embedded stack, or the AWS ones), and how traffic is verified afterwards.
 */
@ConfigurationProperties("lifeline.failover")
public record ExecutorProperties(@DefaultValue Routing routing, @DefaultValue Database database,
    @DefaultValue Verification verification) {

  public enum RoutingMode { LOCAL, ROUTE53, ARC }

  public enum DatabaseMode { NONE, LOCAL, RDS, AURORA }

  /** {@code mode} must be chosen (no default that could flip real traffic by surprise); {@code localStateFile} for local. */
  public record Routing(RoutingMode mode, Path localStateFile) {
  }

  /** {@code none}: no database moves with the traffic. */
  public record Database(@DefaultValue("none") DatabaseMode mode, @DefaultValue Local local) {
  }

  /** The demo regions' data directories and data file (local mode): failover promotes the secondary's copy. */
  public record Local(Path primaryDirectory, Path secondaryDirectory, @DefaultValue("orders.jsonl") String dataFile) {
  }

  /** The public entry point requested after the flip; its answer must contain {@code expect} ({@code {region}} replaced). */
  public record Verification(URI url, @DefaultValue("{region}") String expect, @DefaultValue("30s") Duration timeout,
      @DefaultValue("100ms") Duration pollEvery) {
  }
}
