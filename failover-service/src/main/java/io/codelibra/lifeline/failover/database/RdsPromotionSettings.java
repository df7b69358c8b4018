package io.codelibra.lifeline.failover.database;

import java.time.Duration;
import java.util.Objects;

/**
 * The cross-region read replica to promote (its identifier in the secondary region, where the RDS client points), the
 * longest wait for it to become a standalone available instance, how often to poll meanwhile, and the backup retention
 * to give it on promotion ({@code null} keeps the RDS default).
 */
public record RdsPromotionSettings(String replicaInstanceId, Duration maxWait, Duration pollInterval,
    Integer backupRetentionDays) {

  public RdsPromotionSettings {
    Objects.requireNonNull(replicaInstanceId, "replicaInstanceId");
    maxWait = maxWait == null ? Duration.ofMinutes(30) : maxWait;
    pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
  }
}
