package io.codelibra.lifeline.failover.database;

import java.time.Duration;
import java.util.Objects;

/**
 * The Aurora global database to fail over, the ARN of its secondary cluster (in the secondary region, where the RDS
 * client points) that is to become the writer, how to move the writer there, the longest wait for the move to finish,
 * and how often to poll meanwhile.
 */
public record AuroraGlobalClusterSettings(String globalClusterIdentifier, String secondaryClusterArn, Mode mode,
    Duration maxWait, Duration pollInterval) {

  /** How the writer moves to the secondary cluster. */
  public enum Mode {
    /**
     * {@code FailoverGlobalCluster} with {@code AllowDataLoss=true}: for an outage of the primary region. It does not
     * wait for the secondary to catch up, so writes not yet replicated (RPO, typically around a second) are lost.
     */
    UNPLANNED_FAILOVER,
    /**
     * {@code SwitchoverGlobalCluster}: for a planned move (drill, failback) while the primary is healthy; the
     * secondary catches up first, so nothing is lost, and it fails if the primary cannot be reached.
     */
    PLANNED_SWITCHOVER
  }

  public AuroraGlobalClusterSettings {
    Objects.requireNonNull(globalClusterIdentifier, "globalClusterIdentifier");
    Objects.requireNonNull(secondaryClusterArn, "secondaryClusterArn");
    Objects.requireNonNull(mode, "mode");
    maxWait = maxWait == null ? Duration.ofMinutes(30) : maxWait;
    pollInterval = pollInterval == null ? Duration.ofSeconds(15) : pollInterval;
  }
}
