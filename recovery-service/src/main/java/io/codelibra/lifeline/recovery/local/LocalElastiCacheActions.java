package io.codelibra.lifeline.recovery.local;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.NamedAction;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.action.RecoveryActionSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code elasticache.*} actions on local replication groups: {@code <root>/elasticache/<region>/<group>.properties}
 * holding the status, the node group's primary and replica nodes; a test failover swaps them, as ElastiCache promotes
 * a replica. The idempotency key is recorded, so a resumed step does not fail over twice.
 */
public final class LocalElastiCacheActions implements RecoveryActionSet {

  private final Path root;

  public LocalElastiCacheActions(Path root) {
    this.root = root;
  }

  /** Creates a demo replication group (primary {@code <group>-001}, replica {@code <group>-002}) unless it exists. */
  public void seed(String region, String group) {
    Path file = file(region, group);
    if (!Files.exists(file)) {
      Properties properties = new Properties();
      properties.setProperty("status", "available");
      properties.setProperty("primary", group + "-001");
      properties.setProperty("replica", group + "-002");
      properties.setProperty("primary-endpoint", group + ".local:6379");
      LocalFiles.write(file, properties);
    }
  }

  @Override
  public List<RecoveryAction> actions() {
    return List.of(
        new NamedAction("elasticache.describe-replication-group", Set.of("region", "replication-group"),
            call -> "describe local replication group " + call.required("replication-group"), this::describe),
        new NamedAction("elasticache.test-failover", Set.of("region", "replication-group"),
            call -> "promote the replica of local replication group " + call.required("replication-group"), this::testFailover));
  }

  private ActionResult describe(ActionCall call) {
    Properties group = group(call);
    String status = group.getProperty("status", "unknown");
    if (!status.equals("available")) {
      throw new ActionFailedException("replication group " + call.required("replication-group") + " is " + status, true);
    }
    return new ActionResult(Map.of("status", status, "primary-endpoint", group.getProperty("primary-endpoint", ""),
        "multi-az", "enabled", "automatic-failover", "enabled"), "available, primary " + group.getProperty("primary"));
  }

  private ActionResult testFailover(ActionCall call) {
    Properties group = group(call);
    String before = group.getProperty("primary");
    if (!call.idempotencyKey().equals(group.getProperty("last-failover-key"))) {
      group.setProperty("primary", group.getProperty("replica"));
      group.setProperty("replica", before);
      group.setProperty("last-failover-key", call.idempotencyKey());
      group.setProperty("primary-before-last-failover", before);
      LocalFiles.write(file(call.required("region"), call.required("replication-group")), group);
    }
    String previous = group.getProperty("primary-before-last-failover");
    return new ActionResult(Map.of("primary-before", previous, "primary-after", group.getProperty("primary")),
        "failed over node group " + call.optional("node-group").orElse("0001") + ": " + previous + " -> " + group.getProperty("primary"));
  }

  private Properties group(ActionCall call) {
    Path file = file(call.required("region"), call.required("replication-group"));
    if (!Files.exists(file)) {
      throw new ActionFailedException("ReplicationGroupNotFoundFault: no local replication group "
          + call.required("replication-group") + " (" + file + ")", false);
    }
    return LocalFiles.read(file);
  }

  private Path file(String region, String group) {
    return root.resolve("elasticache").resolve(LocalFiles.name(region)).resolve(LocalFiles.name(group) + ".properties");
  }
}
