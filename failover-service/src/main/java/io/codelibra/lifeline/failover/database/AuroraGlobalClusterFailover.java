package io.codelibra.lifeline.failover.database;

import io.codelibra.lifeline.failover.routing.StepRecorder;
import io.codelibra.lifeline.failover.routing.StepTimedOutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.GlobalCluster;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;
import software.amazon.awssdk.services.rds.model.GlobalClusterMemberSynchronizationStatus;
import software.amazon.awssdk.services.rds.model.GlobalClusterNotFoundException;

/**
 * Fails the database over by making the secondary cluster of an Aurora global database its writer, with
 * {@code FailoverGlobalCluster} (unplanned, {@code AllowDataLoss=true}) or {@code SwitchoverGlobalCluster} (planned),
 * as {@link AuroraGlobalClusterSettings.Mode} says.
 *
 * <p>Readiness, from {@code DescribeGlobalClusters}: the global cluster is {@code available} with no failover or
 * switchover in progress, and the secondary cluster is one of its members, not the writer, and not
 * {@code pending-resync} (a member that lost replication and would come up with stale data). After the call the global
 * cluster goes {@code failing-over} and its members swap roles; the wait polls until the secondary is the writer, the
 * global cluster is {@code available} again and its failover state is gone, within {@code maxWait}.
 */
public final class AuroraGlobalClusterFailover implements DatabaseFailover {

  private static final String AVAILABLE = "available";

  private final RdsClient rds;
  private final AuroraGlobalClusterSettings settings;
  private final Clock clock;

  public AuroraGlobalClusterFailover(RdsClient rds, AuroraGlobalClusterSettings settings, Clock clock) {
    this.rds = rds;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public DatabaseReadiness check() {
    StepRecorder steps = new StepRecorder(clock);
    Optional<GlobalCluster> global = steps.run("aurora-describe-global-cluster", this::describe, this::summary);
    List<String> reasons = global.map(this::reasonsNotReady)
        .orElse(List.of("global cluster " + settings.globalClusterIdentifier() + " not found"));
    return new DatabaseReadiness(reasons.isEmpty(), reasons, steps.steps());
  }

  @Override
  public PromotionResult promote() {
    StepRecorder steps = new StepRecorder(clock);
    GlobalCluster global = steps.run("aurora-describe-global-cluster", this::describe, this::summary)
        .orElseThrow(() -> steps.fail("global cluster " + settings.globalClusterIdentifier() + " not found"));
    String moveStep = switch (settings.mode()) {
      case UNPLANNED_FAILOVER -> "aurora-failover-global-cluster";
      case PLANNED_SWITCHOVER -> "aurora-switchover-global-cluster";
    };
    if (isDone(global)) {
      steps.skipped(moveStep, settings.secondaryClusterArn() + " is already the writer");
      return new PromotionResult(settings.secondaryClusterArn(), false, summary(Optional.of(global)), steps.steps());
    }
    List<String> reasons = reasonsNotReady(global);
    if (!reasons.isEmpty()) {
      throw steps.fail("global cluster " + settings.globalClusterIdentifier() + " is not ready to fail over: "
          + reasons);
    }
    steps.run(moveStep, this::moveWriter, moved -> moveStep + " to " + settings.secondaryClusterArn()
        + (moved == null ? "" : ": " + moved.status()));
    GlobalCluster after = steps.run("aurora-wait-writer", this::waitUntilSecondaryWrites,
        done -> summary(Optional.of(done)));
    return new PromotionResult(settings.secondaryClusterArn(), true, summary(Optional.of(after)), steps.steps());
  }

  private GlobalCluster moveWriter() {
    return switch (settings.mode()) {
      case UNPLANNED_FAILOVER -> rds.failoverGlobalCluster(request -> request
          .globalClusterIdentifier(settings.globalClusterIdentifier())
          .targetDbClusterIdentifier(settings.secondaryClusterArn())
          .allowDataLoss(true)).globalCluster();
      case PLANNED_SWITCHOVER -> rds.switchoverGlobalCluster(request -> request
          .globalClusterIdentifier(settings.globalClusterIdentifier())
          .targetDbClusterIdentifier(settings.secondaryClusterArn())).globalCluster();
    };
  }

  private GlobalCluster waitUntilSecondaryWrites() {
    Instant deadline = clock.instant().plus(settings.maxWait());
    while (true) {
      Optional<GlobalCluster> global = describe();
      if (global.isPresent() && isDone(global.get())) {
        return global.get();
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new StepTimedOutException(settings.secondaryClusterArn() + " is not the writer of "
            + settings.globalClusterIdentifier() + " after " + settings.maxWait() + ": " + summary(global));
      }
      sleep(settings.pollInterval());
    }
  }

  private boolean isDone(GlobalCluster global) {
    return AVAILABLE.equals(global.status()) && global.failoverState() == null
        && secondaryMember(global).map(member -> Boolean.TRUE.equals(member.isWriter())).orElse(false);
  }

  private List<String> reasonsNotReady(GlobalCluster global) {
    List<String> reasons = new ArrayList<>();
    if (!AVAILABLE.equals(global.status())) {
      reasons.add("global cluster " + global.globalClusterIdentifier() + " is " + global.status() + ", not available");
    }
    if (global.failoverState() != null) {
      reasons.add("a failover or switchover is in progress: " + global.failoverState().statusAsString() + " from "
          + global.failoverState().fromDbClusterArn() + " to " + global.failoverState().toDbClusterArn());
    }
    Optional<GlobalClusterMember> secondary = secondaryMember(global);
    if (secondary.isEmpty()) {
      reasons.add(settings.secondaryClusterArn() + " is not a member of global cluster "
          + global.globalClusterIdentifier());
    } else {
      if (Boolean.TRUE.equals(secondary.get().isWriter())) {
        reasons.add(settings.secondaryClusterArn() + " is already the writer");
      }
      // RDS reports no synchronization status for some engine versions; only a reported pending-resync is a reason.
      if (secondary.get().synchronizationStatus() == GlobalClusterMemberSynchronizationStatus.PENDING_RESYNC) {
        reasons.add(settings.secondaryClusterArn() + " is pending-resync: its replication is not healthy");
      }
    }
    return reasons;
  }

  private Optional<GlobalClusterMember> secondaryMember(GlobalCluster global) {
    return global.globalClusterMembers().stream()
        .filter(member -> settings.secondaryClusterArn().equals(member.dbClusterArn()))
        .findFirst();
  }

  private Optional<GlobalCluster> describe() {
    try {
      return rds.describeGlobalClusters(request -> request.globalClusterIdentifier(settings.globalClusterIdentifier()))
          .globalClusters().stream().findFirst();
    } catch (GlobalClusterNotFoundException e) {
      return Optional.empty();
    }
  }

  private String summary(Optional<GlobalCluster> found) {
    return found.map(global -> global.globalClusterIdentifier() + " " + global.status()
            + (global.failoverState() == null ? "" : ", " + global.failoverState().statusAsString())
            + ", writer " + global.globalClusterMembers().stream()
                .filter(member -> Boolean.TRUE.equals(member.isWriter()))
                .map(GlobalClusterMember::dbClusterArn)
                .findFirst().orElse("none"))
        .orElse(settings.globalClusterIdentifier() + " not found");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the global cluster failover", e);
    }
  }
}
