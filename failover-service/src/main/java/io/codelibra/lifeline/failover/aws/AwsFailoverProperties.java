package io.codelibra.lifeline.failover.aws;

import io.codelibra.lifeline.failover.database.AuroraGlobalClusterSettings;
import io.codelibra.lifeline.failover.database.DynamoDbGlobalTableSettings;
import io.codelibra.lifeline.failover.database.RdsPromotionSettings;
import io.codelibra.lifeline.failover.fault.FisFaultSettings;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.failover.routing.ArcRoutingSettings;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.FailoverRecord;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.RecordTarget;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings.RecordType;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The AWS adapters' settings ({@code lifeline.failover.aws.*}), used only by the modes that pick them
 * ({@code lifeline.failover.routing.mode=route53|arc}, {@code lifeline.failover.database.mode=rds|aurora},
 * {@code lifeline.failover.fault-injection.mode=fis}, DynamoDB tables when named). Names follow the AWS API and
 * Terraform attributes. A setting the chosen mode needs is checked when its adapter is built, so a missing one fails
 * start-up with the property's name. Waits left unset take the adapters' defaults.
 *
 * @param endpointOverride one endpoint for every AWS client (LocalStack, tests); unset: AWS's regional endpoints. ARC
 *     clients always use their cluster endpoints.
 */
@ConfigurationProperties(AwsFailoverProperties.PREFIX)
public record AwsFailoverProperties(URI endpointOverride, @DefaultValue Route53 route53, @DefaultValue Arc arc,
    @DefaultValue Rds rds, @DefaultValue Aurora aurora, @DefaultValue DynamoDb dynamodb, @DefaultValue Fis fis) {

  static final String PREFIX = "lifeline.failover.aws";

  private static final String ROUTE53 = "lifeline.failover.routing.mode=route53";
  private static final String ARC = "lifeline.failover.routing.mode=arc";
  private static final String RDS = "lifeline.failover.database.mode=rds";
  private static final String AURORA = "lifeline.failover.database.mode=aurora";
  private static final String FIS = "lifeline.failover.fault-injection.mode=fis";

  /**
   * The Route 53 failover record pair of the entry point ({@code aws_route53_record} PRIMARY and SECONDARY).
   *
   * @param hostedZoneId the zone holding both records ({@code zone_id})
   * @param recordName the records' name, e.g. {@code www.example.com}
   * @param type A, AAAA (alias targets) or CNAME
   * @param changeTimeout longest wait for a change to be INSYNC
   * @param changePollInterval how often GetChange polls meanwhile
   */
  public record Route53(String hostedZoneId, String recordName, RecordType type, @DefaultValue FailoverRecordSet primary,
      @DefaultValue FailoverRecordSet secondary, Duration changeTimeout, Duration changePollInterval) {

    Route53FailoverSettings settings(RegionPair pair) {
      String prefix = PREFIX + ".route53.";
      RecordType recordType = required(type, prefix + "type", ROUTE53);
      return new Route53FailoverSettings(required(hostedZoneId, prefix + "hosted-zone-id", ROUTE53),
          required(recordName, prefix + "record-name", ROUTE53), recordType,
          primary.record(prefix + "primary.", pair.primary(), recordType),
          secondary.record(prefix + "secondary.", pair.secondary(), recordType),
          changeTimeout, changePollInterval);
    }
  }

  /**
   * One record of the failover pair: an alias ({@code alias-hosted-zone-id}, {@code alias-dns-name},
   * {@code evaluate-target-health}, default true) for A/AAAA, or {@code cname} with {@code ttl} (seconds, default 60)
   * for CNAME. Setting the other kind's fields is an error rather than silently ignored.
   *
   * @param region the region the record serves; unset: the pair's primary (or secondary) region
   * @param setIdentifier the record's {@code set_identifier}
   * @param healthCheckId the record's health check, kept on every UPSERT; unset for none
   */
  public record FailoverRecordSet(String region, String setIdentifier, String healthCheckId, String aliasHostedZoneId,
      String aliasDnsName, @DefaultValue("true") boolean evaluateTargetHealth, String cname,
      @DefaultValue("60") long ttl) {

    FailoverRecord record(String prefix, String pairRegion, RecordType type) {
      if (region != null && !region.isBlank() && !region.equals(pairRegion)) {
        throw new IllegalStateException(prefix + "region is " + region + " but the pair's region there is "
            + pairRegion + " (lifeline.failover.primary-region/secondary-region)");
      }
      RecordTarget target;
      if (type == RecordType.CNAME) {
        if (present(aliasHostedZoneId) || present(aliasDnsName)) {
          throw new IllegalStateException(prefix + "alias-hosted-zone-id/alias-dns-name are for A and AAAA records; a "
              + "CNAME record takes " + prefix + "cname");
        }
        target = new RecordTarget.Cname(required(cname, prefix + "cname", ROUTE53 + " and type CNAME"), ttl);
      } else {
        if (present(cname)) {
          throw new IllegalStateException(prefix + "cname is for CNAME records; an " + type + " record takes "
              + prefix + "alias-hosted-zone-id and " + prefix + "alias-dns-name");
        }
        target = new RecordTarget.Alias(
            required(aliasHostedZoneId, prefix + "alias-hosted-zone-id", ROUTE53 + " and type " + type),
            required(aliasDnsName, prefix + "alias-dns-name", ROUTE53 + " and type " + type), evaluateTargetHealth);
      }
      return new FailoverRecord(pairRegion, required(setIdentifier, prefix + "set-identifier", ROUTE53),
          present(healthCheckId) ? healthCheckId : null, target);
    }
  }

  /**
   * Route 53 ARC routing controls.
   *
   * @param clusterEndpoints the cluster's regional endpoints (DescribeCluster's {@code ClusterEndpoints}), tried in
   *     order
   * @param routingControlArns region name to the ARN of the routing control of that region, for both regions of the pair
   */
  public record Arc(List<ClusterEndpoint> clusterEndpoints, Map<String, String> routingControlArns) {

    public Arc {
      clusterEndpoints = clusterEndpoints == null ? List.of() : List.copyOf(clusterEndpoints);
      routingControlArns = routingControlArns == null ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(routingControlArns));
    }

    List<ClusterEndpoint> endpoints() {
      String prefix = PREFIX + ".arc.cluster-endpoints";
      if (clusterEndpoints.isEmpty()) {
        throw new IllegalStateException(prefix + " is required when " + ARC + ": at least one {endpoint, region}");
      }
      for (int i = 0; i < clusterEndpoints.size(); i++) {
        ClusterEndpoint endpoint = clusterEndpoints.get(i);
        required(endpoint.endpoint(), prefix + "[" + i + "].endpoint", ARC);
        required(endpoint.region(), prefix + "[" + i + "].region", ARC);
      }
      return clusterEndpoints;
    }

    /** The pair's routing controls, primary first (the order the router reads them in), then any others. */
    ArcRoutingSettings settings(RegionPair pair) {
      Map<String, String> arns = new LinkedHashMap<>();
      for (String region : List.of(pair.primary(), pair.secondary())) {
        arns.put(region, required(routingControlArns.get(region), PREFIX + ".arc.routing-control-arns." + region, ARC));
      }
      routingControlArns.forEach(arns::putIfAbsent);
      return new ArcRoutingSettings(arns);
    }
  }

  /** One regional endpoint of an ARC cluster, e.g. {@code https://host.route53-recovery-cluster.us-west-2.amazonaws.com/v1}. */
  public record ClusterEndpoint(URI endpoint, String region) {
  }

  /**
   * The RDS cross-region read replica promoted on failover (the RDS client points at the pair's secondary region).
   *
   * @param replicaInstanceId the replica's DB instance identifier
   * @param backupRetentionPeriod days of backups the promoted instance keeps; unset: RDS's default
   */
  public record Rds(String replicaInstanceId, Duration maxWait, Duration pollInterval, Integer backupRetentionPeriod) {

    RdsPromotionSettings settings() {
      return new RdsPromotionSettings(required(replicaInstanceId, PREFIX + ".rds.replica-instance-id", RDS), maxWait,
          pollInterval, backupRetentionPeriod);
    }
  }

  /**
   * The Aurora global database ({@code aws_rds_global_cluster}) whose writer moves on failover.
   *
   * @param secondaryClusterArn the cluster in the pair's secondary region that becomes the writer on failover
   * @param primaryClusterArn the cluster in the primary region; when set, failback is a planned switchover back to it,
   *     otherwise failback is left to the recovery runbook
   * @param mode {@code unplanned-failover} (allows data loss, for an outage) or {@code planned-switchover}; no default
   */
  public record Aurora(String globalClusterIdentifier, String secondaryClusterArn, String primaryClusterArn,
      AuroraGlobalClusterSettings.Mode mode, Duration maxWait, Duration pollInterval) {

    AuroraGlobalClusterSettings failoverSettings() {
      String prefix = PREFIX + ".aurora.";
      return new AuroraGlobalClusterSettings(required(globalClusterIdentifier, prefix + "global-cluster-identifier",
          AURORA), required(secondaryClusterArn, prefix + "secondary-cluster-arn", AURORA),
          required(mode, prefix + "mode", AURORA), maxWait, pollInterval);
    }

    /** Back to the primary cluster once the primary region is healthy again: nothing to lose, so a switchover. */
    AuroraGlobalClusterSettings failbackSettings() {
      return present(primaryClusterArn) ? new AuroraGlobalClusterSettings(globalClusterIdentifier, primaryClusterArn,
          AuroraGlobalClusterSettings.Mode.PLANNED_SWITCHOVER, maxWait, pollInterval) : null;
    }
  }

  /**
   * DynamoDB global tables whose replica must be ACTIVE before failing over; none: no check.
   *
   * @param region the replica's region, where the DynamoDB client points; unset: the pair's secondary region
   */
  public record DynamoDb(List<String> tableNames, String region) {

    public DynamoDb {
      tableNames = tableNames == null ? List.of() : List.copyOf(tableNames);
    }

    boolean configured() {
      return !tableNames.isEmpty();
    }

    DynamoDbGlobalTableSettings settings(RegionPair pair) {
      for (int i = 0; i < tableNames.size(); i++) {
        required(tableNames.get(i), PREFIX + ".dynamodb.table-names[" + i + "]", "DynamoDB tables are named");
      }
      return new DynamoDbGlobalTableSettings(tableNames, present(region) ? region : pair.secondary());
    }
  }

  /**
   * AWS FIS experiment templates for live drills.
   *
   * @param experimentTemplateIds region name to the id of the template that disrupts it (regions of the pair only)
   */
  public record Fis(Map<String, String> experimentTemplateIds, Duration maxWait, Duration pollInterval) {

    public Fis {
      experimentTemplateIds = experimentTemplateIds == null ? Map.of()
          : Collections.unmodifiableMap(new LinkedHashMap<>(experimentTemplateIds));
    }

    FisFaultSettings settings(RegionPair pair) {
      String prefix = PREFIX + ".fis.experiment-template-ids";
      if (experimentTemplateIds.isEmpty()) {
        throw new IllegalStateException(prefix + " is required when " + FIS + ": region -> template id, e.g. "
            + prefix + "." + pair.primary() + "=EXT...");
      }
      experimentTemplateIds.forEach((region, template) -> {
        if (!pair.contains(region)) {
          throw new IllegalStateException(prefix + "." + region + ": " + region + " is not in the pair " + pair.id());
        }
        required(template, prefix + "." + region, FIS);
      });
      return new FisFaultSettings(experimentTemplateIds, maxWait, pollInterval);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static <T> T required(T value, String property, String when) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new IllegalStateException(property + " is required when " + when);
    }
    return value;
  }
}
