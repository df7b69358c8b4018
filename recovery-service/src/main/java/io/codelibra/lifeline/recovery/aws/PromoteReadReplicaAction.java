package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * {@code rds.promote-read-replica}: makes a read replica a standalone, writable instance. Idempotent by state: an
 * instance without a replication source (already promoted, by an earlier attempt or anyone) is only waited for.
 */
public final class PromoteReadReplicaAction implements RecoveryAction {

  private final AwsActionContext aws;

  public PromoteReadReplicaAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "rds.promote-read-replica";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "db-instance");
  }

  @Override
  public String plan(ActionCall call) {
    return "PromoteReadReplica " + call.required("db-instance") + " in " + call.required("region")
        + " (unless it is already standalone), then wait until it is available without a source";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    StepDeadline deadline = aws.deadline(call);
    RdsClient rds = aws.rds(call);
    String instanceId = call.required("db-instance");
    DBInstance before = RdsInstances.require(rds, instanceId);
    String source = before.readReplicaSourceDBInstanceIdentifier();
    if (source != null) {
      AwsFailures.call("PromoteReadReplica " + instanceId,
          () -> rds.promoteReadReplica(request -> request.dbInstanceIdentifier(instanceId)));
    }
    // The waiter can see the replica's old "available" before the promotion starts: wait until the source is gone.
    DBInstance after = RdsInstances.waitUntilAvailable(rds, instanceId, deadline);
    while (after.readReplicaSourceDBInstanceIdentifier() != null) {
      deadline.pause(instanceId + " to lose its replication source");
      after = RdsInstances.waitUntilAvailable(rds, instanceId, deadline);
    }
    return new ActionResult(Map.of("db-instance", instanceId, "promoted", String.valueOf(source != null)),
        source == null ? instanceId + " is already standalone, available"
            : "promoted " + instanceId + " (was a replica of " + source + "), standalone and available");
  }
}
