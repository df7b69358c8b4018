package io.codelibra.lifeline.failover;

import io.codelibra.lifeline.failover.health.HealthCheckDefinition;
import io.codelibra.lifeline.failover.health.HealthCheckType;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * failover-service's settings ({@code lifeline.failover.*}): the region pair and its health checks, named like the
 * RFC's {@code aws_route53_health_check} attributes, how often the monitor looks for due probes, the pair's policy,
 * the service its region alarms page for, how long the API waits for the pair's decision on a request, and the
 * drills' timeouts.
 */
@ConfigurationProperties("lifeline.failover")
public record FailoverProperties(
    @DefaultValue("us-east-1") String primaryRegion,
    @DefaultValue("us-west-2") String secondaryRegion,
    @DefaultValue List<Check> healthChecks,
    @DefaultValue("500ms") Duration monitorTick,
    @DefaultValue("10s") Duration publishAckTimeout,
    @DefaultValue("vibe-platform") String alarmService,
    @DefaultValue Policy policy,
    @DefaultValue("1s") Duration decisionTick,
    @DefaultValue("5s") Duration decisionWait,
    @DefaultValue DrillTimeouts drill) {

  /**
   * How long a drill waits for each thing it expects: fault -> unhealthy, unhealthy (or its request) ->
   * FailoverRequested, FailoverRequested -> FailoverCompleted (a database promotion may take many minutes), and
   * fault cleared -> RegionRestored (the failback window included).
   */
  public record DrillTimeouts(@DefaultValue("2m") Duration detection, @DefaultValue("30s") Duration decision,
      @DefaultValue("30m") Duration run, @DefaultValue("30m") Duration restore) {
  }

  /**
   * How the pair decides: fail over by itself when the primary turns unhealthy, how long the primary must stay
   * healthy before failback (hysteresis), and whether failback then waits for an operator's approval.
   */
  public record Policy(@DefaultValue("true") boolean automaticFailover, @DefaultValue("10m") Duration failbackWindow,
      @DefaultValue("true") boolean failbackRequiresApproval) {
  }

  /** One health check of a region; unset values take Route 53's defaults. */
  public record Check(String id, String region, String fqdn, String ipAddress, Integer port, HealthCheckType type,
      String resourcePath, String searchString, Duration requestInterval, Integer failureThreshold, Integer checkers,
      Double healthyShare, Duration connectTimeout, Duration responseTimeout, boolean inverted) {

    HealthCheckDefinition definition() {
      HealthCheckDefinition.Builder builder = HealthCheckDefinition.builder(id, region);
      if (type != null) {
        builder.type(type);
      }
      if (fqdn != null) {
        builder.fqdn(fqdn);
      }
      if (ipAddress != null) {
        builder.ipAddress(ipAddress);
      }
      if (port != null) {
        builder.port(port);
      }
      if (resourcePath != null) {
        builder.resourcePath(resourcePath);
      }
      if (searchString != null) {
        builder.searchString(searchString);
      }
      if (requestInterval != null) {
        builder.requestInterval(requestInterval);
      }
      if (failureThreshold != null) {
        builder.failureThreshold(failureThreshold);
      }
      if (checkers != null) {
        builder.checkers(checkers);
      }
      if (healthyShare != null) {
        builder.healthyShare(healthyShare);
      }
      if (connectTimeout != null) {
        builder.connectTimeout(connectTimeout);
      }
      if (responseTimeout != null) {
        builder.responseTimeout(responseTimeout);
      }
      return builder.inverted(inverted).build();
    }
  }

  /** The checks as domain definitions, each validated (an invalid one stops the start-up, naming the field). */
  public List<HealthCheckDefinition> checkDefinitions() {
    return healthChecks.stream().map(Check::definition).toList();
  }
}
