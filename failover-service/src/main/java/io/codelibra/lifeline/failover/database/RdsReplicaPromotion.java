package io.codelibra.lifeline.failover.database;

import io.codelibra.lifeline.failover.routing.StepRecorder;
import io.codelibra.lifeline.failover.routing.StepTimedOutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBInstanceStatusInfo;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

/**
 * Fails the database over by promoting the RDS cross-region read replica in the secondary region to a standalone,
 * writable instance ({@code PromoteReadReplica}).
 *
 * <p>Readiness: the replica exists, is {@code available}, still has a source instance, and its status infos report read
 * replication {@code replicating} with {@code normal=true} (DescribeDBInstances does not carry ReplicaLag, a CloudWatch
 * metric; RDS flips {@code normal} to false when replication errors or stops). After the promotion call the instance
 * goes {@code modifying}/{@code rebooting} and back to {@code available} with no source; the
 * {@code DBInstanceAvailable} waiter can see the old {@code available} before the promotion starts, so the wait repeats
 * until the read-back shows no {@code ReadReplicaSourceDBInstanceIdentifier}, within {@code maxWait}.
 */
public final class RdsReplicaPromotion implements DatabaseFailover {

  private static final String AVAILABLE = "available";

  private final RdsClient rds;
  private final RdsPromotionSettings settings;
  private final Clock clock;

  public RdsReplicaPromotion(RdsClient rds, RdsPromotionSettings settings, Clock clock) {
    this.rds = rds;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public DatabaseReadiness check() {
    StepRecorder steps = new StepRecorder(clock);
    Optional<DBInstance> replica = steps.run("rds-describe-replica", this::describe,
        found -> found.map(RdsReplicaPromotion::summary).orElse(settings.replicaInstanceId() + " not found"));
    return new DatabaseReadiness(replica.isPresent() && reasonsNotReady(replica.get()).isEmpty(),
        replica.map(RdsReplicaPromotion::reasonsNotReady)
            .orElse(List.of("DB instance " + settings.replicaInstanceId() + " not found")),
        steps.steps());
  }

  @Override
  public PromotionResult promote() {
    StepRecorder steps = new StepRecorder(clock);
    DBInstance replica = steps.run("rds-describe-replica", this::describe,
            found -> found.map(RdsReplicaPromotion::summary).orElse(settings.replicaInstanceId() + " not found"))
        .orElseThrow(() -> steps.fail("DB instance " + settings.replicaInstanceId() + " not found"));
    if (replica.readReplicaSourceDBInstanceIdentifier() == null && AVAILABLE.equals(replica.dbInstanceStatus())) {
      steps.skipped("rds-promote-read-replica", replica.dbInstanceIdentifier() + " is already a standalone instance");
      return new PromotionResult(replica.dbInstanceIdentifier(), false, summary(replica), steps.steps());
    }
    List<String> reasons = reasonsNotReady(replica);
    if (!reasons.isEmpty()) {
      throw steps.fail("read replica " + replica.dbInstanceIdentifier() + " is not ready to promote: " + reasons);
    }
    steps.run("rds-promote-read-replica", () -> rds.promoteReadReplica(request -> request
            .dbInstanceIdentifier(settings.replicaInstanceId())
            .backupRetentionPeriod(settings.backupRetentionDays())).dbInstance(),
        promoted -> "PromoteReadReplica " + promoted.dbInstanceIdentifier() + ": " + promoted.dbInstanceStatus());
    DBInstance promoted = steps.run("rds-wait-promoted", this::waitUntilPromoted, RdsReplicaPromotion::summary);
    return new PromotionResult(promoted.dbInstanceIdentifier(), true, summary(promoted), steps.steps());
  }

  private DBInstance waitUntilPromoted() {
    Instant deadline = clock.instant().plus(settings.maxWait());
    while (true) {
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        throw new StepTimedOutException(settings.replicaInstanceId() + " still has a replication source after "
            + settings.maxWait() + ": promotion timed out");
      }
      DBInstance instance = rds.waiter()
          .waitUntilDBInstanceAvailable(request -> request.dbInstanceIdentifier(settings.replicaInstanceId()),
              override -> override.waitTimeout(remaining)
                  .maxAttempts(Integer.MAX_VALUE)
                  .backoffStrategyV2(BackoffStrategy.fixedDelay(settings.pollInterval())))
          .matched()
          .response()
          .orElseThrow(() -> new IllegalStateException(settings.replicaInstanceId() + " did not become available"))
          .dbInstances().getFirst();
      if (instance.readReplicaSourceDBInstanceIdentifier() == null) {
        return instance;
      }
      sleep(settings.pollInterval());
    }
  }

  private Optional<DBInstance> describe() {
    try {
      return rds.describeDBInstances(request -> request.dbInstanceIdentifier(settings.replicaInstanceId()))
          .dbInstances().stream().findFirst();
    } catch (DbInstanceNotFoundException e) {
      return Optional.empty();
    }
  }

  static List<String> reasonsNotReady(DBInstance replica) {
    List<String> reasons = new ArrayList<>();
    if (replica.readReplicaSourceDBInstanceIdentifier() == null) {
      reasons.add(replica.dbInstanceIdentifier() + " is not a read replica");
    }
    if (!AVAILABLE.equals(replica.dbInstanceStatus())) {
      reasons.add(replica.dbInstanceIdentifier() + " is " + replica.dbInstanceStatus() + ", not available");
    }
    Optional<DBInstanceStatusInfo> replication = replica.statusInfos().stream()
        .filter(info -> "read replication".equals(info.statusType()))
        .findFirst();
    if (replica.readReplicaSourceDBInstanceIdentifier() != null) {
      if (replication.isEmpty()) {
        reasons.add("no read replication status reported");
      } else if (!"replicating".equals(replication.get().status()) || !Boolean.TRUE.equals(replication.get().normal())) {
        DBInstanceStatusInfo info = replication.get();
        reasons.add("read replication is " + info.status() + " (normal=" + info.normal() + ")"
            + (info.message() == null ? "" : ": " + info.message()));
      }
    }
    return reasons;
  }

  private static String summary(DBInstance instance) {
    return instance.dbInstanceIdentifier() + " " + instance.dbInstanceStatus()
        + (instance.readReplicaSourceDBInstanceIdentifier() == null
            ? ", standalone"
            : ", replica of " + instance.readReplicaSourceDBInstanceIdentifier());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the promotion", e);
    }
  }
}
