package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

/**
 * {@code elasticache.test-failover}: fails a replication group's node group (default {@code 0001}) over to a replica
 * ({@code TestFailover}) and waits until the group is available with another primary.
 *
 * <p>Like a reboot, a failover is not idempotent: a group that is not {@code available} when the step starts (an
 * earlier attempt's failover in progress) is waited for, not failed over again, and its primary change is not verified.
 */
public final class TestElastiCacheFailoverAction implements RecoveryAction {

  private final AwsActionContext aws;

  public TestElastiCacheFailoverAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "elasticache.test-failover";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "replication-group");
  }

  @Override
  public String plan(ActionCall call) {
    return "TestFailover of node group " + nodeGroupId(call) + " of " + call.required("replication-group") + " in "
        + call.required("region") + ", then wait until it is available with another primary";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    StepDeadline deadline = aws.deadline(call);
    ElastiCacheClient elastiCache = aws.elastiCache(call);
    String groupId = call.required("replication-group");
    String nodeGroupId = nodeGroupId(call);
    ReplicationGroup before = ElastiCacheReplicationGroups.describe(elastiCache, groupId);
    Optional<String> primaryBefore = ElastiCacheReplicationGroups.primary(
        ElastiCacheReplicationGroups.nodeGroup(before, nodeGroupId));
    boolean inProgress = !"available".equals(before.status());
    if (!inProgress) {
      AwsFailures.call("TestFailover " + groupId + "/" + nodeGroupId, () -> elastiCache.testFailover(request -> request
          .replicationGroupId(groupId)
          .nodeGroupId(nodeGroupId)));
    }
    String waitingFor = "replication group " + groupId + " to be available with a new primary";
    // The group can still look available (with the old primary) just after TestFailover: wait for the new primary.
    while (true) {
      ReplicationGroup after = AwsFailures.await(waitingFor, deadline, () -> elastiCache.waiter()
              .waitUntilReplicationGroupAvailable(request -> request.replicationGroupId(groupId),
                  deadline.waiter(waitingFor)))
          .replicationGroups().getFirst();
      Optional<String> primaryAfter = ElastiCacheReplicationGroups.primary(
          ElastiCacheReplicationGroups.nodeGroup(after, nodeGroupId));
      boolean verifiable = !inProgress && primaryBefore.isPresent();
      if (!verifiable || (primaryAfter.isPresent() && !primaryAfter.equals(primaryBefore))) {
        return new ActionResult(Map.of(
            "primary-before", primaryBefore.orElse("unknown"),
            "primary-after", primaryAfter.orElse("unknown")),
            (inProgress ? "waited for the change in progress of " : "failed over ") + groupId + "/" + nodeGroupId
                + ": primary " + primaryBefore.orElse("unknown") + " -> " + primaryAfter.orElse("unknown"));
      }
      deadline.pause(waitingFor);
    }
  }

  private static String nodeGroupId(ActionCall call) {
    String id = call.optional("node-group").orElse("0001");
    if (!id.matches("\\d{4}")) {
      throw new ActionFailedException("node-group must be four digits like 0001, not '" + id + "'", false);
    }
    return id;
  }
}
