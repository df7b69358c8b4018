package io.codelibra.lifeline.recovery.local;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.NamedAction;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.action.RecoveryActionSet;
import io.codelibra.lifeline.recovery.aws.RdsIdentifiers;
import io.codelibra.lifeline.recovery.local.LocalDatabaseStore.Instance;
import io.codelibra.lifeline.recovery.local.LocalDatabaseStore.Snapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code rds.*} actions on the local stack's file-based databases ({@link LocalDatabaseStore}), with the same
 * names, parameters, outputs and idempotency as the AWS adapters: a snapshot or instance named from the step's key
 * that already exists is the earlier attempt's, and is used instead of acting again.
 */
public final class LocalRdsActions implements RecoveryActionSet {

  private final LocalDatabaseStore store;

  public LocalRdsActions(LocalDatabaseStore store) {
    this.store = store;
  }

  @Override
  public List<RecoveryAction> actions() {
    return List.of(
        new NamedAction("rds.create-db-snapshot", Set.of("region", "db-instance"),
            call -> "copy local instance " + call.required("db-instance") + " in " + call.required("region") + " to snapshot "
                + snapshotId(call, "snapshot-id"), this::createSnapshot),
        new NamedAction("rds.copy-db-snapshot", Set.of("region", "source-region", "source-snapshot"),
            call -> "copy local snapshot " + call.required("source-snapshot") + " from " + call.required("source-region")
                + " to " + call.required("region"), this::copySnapshot),
        new NamedAction("rds.latest-snapshot", Set.of("region", "db-instance"),
            call -> "find the newest local snapshot of " + call.required("db-instance") + " in " + call.required("region"),
            this::latestSnapshot),
        new NamedAction("rds.restore-db-instance-from-snapshot", Set.of("region", "snapshot-id", "db-instance"),
            call -> "restore local snapshot " + call.required("snapshot-id") + " as " + call.required("db-instance") + " in "
                + call.required("region"), this::restore),
        new NamedAction("rds.reboot-db-instance", Set.of("region", "db-instance"),
            call -> "fail local instance " + call.required("db-instance") + " over to its other zone", this::reboot),
        new NamedAction("rds.promote-read-replica", Set.of("region", "db-instance"),
            call -> "promote local instance " + call.required("db-instance") + " (standalone already)", this::promote),
        new NamedAction("rds.delete-db-instance", Set.of("region", "db-instance"),
            call -> "delete local instance " + call.required("db-instance") + " in " + call.required("region"), this::delete));
  }

  private ActionResult createSnapshot(ActionCall call) {
    String region = call.required("region");
    String id = snapshotId(call, "snapshot-id");
    Snapshot snapshot = store.snapshot(region, id)
        .orElseGet(() -> store.createSnapshot(region, call.required("db-instance"), id, "manual"));
    return snapshotResult(snapshot, "snapshot " + id + " of " + snapshot.instance() + ": " + store.rowCount(snapshot) + " rows");
  }

  private ActionResult copySnapshot(ActionCall call) {
    String sourceRegion = call.required("source-region");
    String sourceId = lastSegment(call.required("source-snapshot"));
    Snapshot source = store.snapshot(sourceRegion, sourceId).orElseThrow(() ->
        new ActionFailedException("DBSnapshotNotFound: no local snapshot " + sourceId + " in " + sourceRegion, false));
    String id = call.optional("target-snapshot-id").orElse(sourceId + "-" + call.required("region"));
    Snapshot copy = store.snapshot(call.required("region"), id).orElseGet(() -> store.copySnapshot(source, call.required("region"), id));
    return snapshotResult(copy, "copied " + sourceId + " from " + sourceRegion + " as " + id + " (" + store.rowCount(copy) + " rows)");
  }

  private ActionResult latestSnapshot(ActionCall call) {
    String region = call.required("region");
    String instance = call.required("db-instance");
    Snapshot latest = store.latestSnapshot(region, instance, call.optional("snapshot-type").orElse("any"))
        .orElseThrow(() -> new ActionFailedException("no local snapshot of " + instance + " in " + region, false));
    return snapshotResult(latest, "newest snapshot of " + instance + " in " + region + ": " + latest.id() + " taken "
        + latest.createdAt());
  }

  private ActionResult restore(ActionCall call) {
    String region = call.required("region");
    String instance = call.required("db-instance");
    String snapshotId = lastSegment(call.required("snapshot-id"));
    Snapshot snapshot = store.snapshot(region, snapshotId).orElseThrow(() ->
        new ActionFailedException("DBSnapshotNotFound: no local snapshot " + snapshotId + " in " + region, false));
    Optional<Instance> existing = store.instance(region, instance);
    Instance restored;
    if (existing.isPresent() && snapshotId.equals(existing.get().properties().getProperty("restored-from"))) {
      restored = existing.get();
    } else if (existing.isPresent()) {
      throw new ActionFailedException("DBInstanceAlreadyExists: local instance " + instance + " in " + region
          + " exists and was not restored from " + snapshotId, false);
    } else {
      restored = store.restore(snapshot, region, instance);
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("db-instance", instance);
    outputs.put("endpoint", restored.endpoint());
    outputs.put("port", "5432");
    outputs.put("snapshot-time", snapshot.createdAt().toString());
    outputs.put("row-count", Long.toString(store.rowCount(restored)));
    return new ActionResult(outputs, "restored " + snapshotId + " as " + instance + ": " + outputs.get("row-count")
        + " rows, available");
  }

  private ActionResult reboot(ActionCall call) {
    Instance instance = store.requireInstance(call.required("region"), call.required("db-instance"));
    String before = instance.properties().getProperty("availability-zone", call.required("region") + "a");
    String after = call.flag("force-failover", true) ? store.failOverZone(instance) : before;
    return new ActionResult(Map.of("availability-zone-before", before, "availability-zone-after", after),
        "rebooted " + instance.id() + (before.equals(after) ? " in " + after : ", failed over from " + before + " to " + after));
  }

  private ActionResult promote(ActionCall call) {
    Instance instance = store.requireInstance(call.required("region"), call.required("db-instance"));
    return new ActionResult(Map.of("db-instance", instance.id(), "endpoint", instance.endpoint()),
        instance.id() + " is a standalone local instance: nothing to promote");
  }

  private ActionResult delete(ActionCall call) {
    Optional<Instance> instance = store.instance(call.required("region"), call.required("db-instance"));
    instance.ifPresent(store::delete);
    return ActionResult.of(instance.isPresent() ? "deleted local instance " + call.required("db-instance")
        : "local instance " + call.required("db-instance") + " was already gone");
  }

  private static ActionResult snapshotResult(Snapshot snapshot, String detail) {
    return new ActionResult(Map.of("snapshot-id", snapshot.id(), "snapshot-arn", snapshot.arn(),
        "snapshot-time", snapshot.createdAt().toString()), detail);
  }

  /** The given id, or one named from the step's key (so a retried or resumed step finds its own snapshot). */
  private static String snapshotId(ActionCall call, String parameter) {
    return call.optional(parameter).orElseGet(() -> RdsIdentifiers.fromKey("lifeline-", call.idempotencyKey()));
  }

  private static String lastSegment(String idOrArn) {
    return idOrArn.substring(idOrArn.lastIndexOf(':') + 1);
  }
}
