package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

/**
 * {@code elasticache.describe-replication-group}: checks that a replication group is {@code available} and reports its
 * primary endpoint, Multi-AZ and automatic failover. Read-only. A transitional status (modifying, snapshotting, ...)
 * fails retryably, one that will not become available by waiting (create-failed, deleting) does not.
 */
public final class DescribeReplicationGroupAction implements RecoveryAction {

  private static final Set<String> FINAL_STATUSES = Set.of("create-failed", "deleting", "deleted");

  private final AwsActionContext aws;

  public DescribeReplicationGroupAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "elasticache.describe-replication-group";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "replication-group");
  }

  @Override
  public String plan(ActionCall call) {
    return "DescribeReplicationGroups " + call.required("replication-group") + " in " + call.required("region")
        + ": must be available";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    String groupId = call.required("replication-group");
    ReplicationGroup group = ElastiCacheReplicationGroups.describe(aws.elastiCache(call), groupId);
    if (!"available".equals(group.status())) {
      throw new ActionFailedException("replication group " + groupId + " is " + group.status() + ", not available",
          !FINAL_STATUSES.contains(group.status()));
    }
    // Cluster mode enabled: one configuration endpoint; disabled: the (single) node group's primary endpoint.
    String primaryEndpoint = group.configurationEndpoint() != null
        ? ElastiCacheReplicationGroups.address(group.configurationEndpoint())
        : group.nodeGroups().stream().findFirst()
            .map(nodeGroup -> ElastiCacheReplicationGroups.address(nodeGroup.primaryEndpoint())).orElse("");
    return new ActionResult(Map.of(
        "status", group.status(),
        "primary-endpoint", primaryEndpoint,
        "multi-az", String.valueOf(group.multiAZAsString()),
        "automatic-failover", String.valueOf(group.automaticFailoverAsString())),
        groupId + " available at " + primaryEndpoint + ", multi-az " + group.multiAZAsString()
            + ", automatic failover " + group.automaticFailoverAsString());
  }
}
