package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.util.Optional;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.Endpoint;
import software.amazon.awssdk.services.elasticache.model.NodeGroup;
import software.amazon.awssdk.services.elasticache.model.NodeGroupMember;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

/** Reads ElastiCache replication groups on behalf of the ElastiCache actions. */
final class ElastiCacheReplicationGroups {

  private ElastiCacheReplicationGroups() {
  }

  static ReplicationGroup describe(ElastiCacheClient elastiCache, String groupId) {
    return AwsFailures.call("DescribeReplicationGroups " + groupId, () -> elastiCache
            .describeReplicationGroups(request -> request.replicationGroupId(groupId))
            .replicationGroups().stream().findFirst())
        .orElseThrow(() -> new ActionFailedException("replication group " + groupId + " not found", false));
  }

  static NodeGroup nodeGroup(ReplicationGroup group, String nodeGroupId) {
    return group.nodeGroups().stream()
        .filter(nodeGroup -> nodeGroupId.equals(nodeGroup.nodeGroupId()))
        .findFirst()
        .orElseThrow(() -> new ActionFailedException("replication group " + group.replicationGroupId()
            + " has no node group " + nodeGroupId, false));
  }

  /** The cluster id of the node group's primary; absent when roles are not reported (cluster mode enabled). */
  static Optional<String> primary(NodeGroup nodeGroup) {
    return nodeGroup.nodeGroupMembers().stream()
        .filter(member -> "primary".equals(member.currentRole()))
        .map(NodeGroupMember::cacheClusterId)
        .findFirst();
  }

  static String address(Endpoint endpoint) {
    return endpoint == null ? "" : endpoint.address() + ":" + endpoint.port();
  }
}
