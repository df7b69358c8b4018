package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbInstanceStateException;

/**
 * {@code rds.delete-db-instance}: deletes a DB instance (e.g. a drill's restored copy) and waits until it is gone. An
 * instance not found is already deleted, one already {@code deleting} is waited for: both make it idempotent. With
 * {@code skip-final-snapshot=false} the final snapshot is {@code final-snapshot-id} or {@code lifeline-final-} plus the
 * idempotency key.
 */
public final class DeleteDbInstanceAction implements RecoveryAction {

  private final AwsActionContext aws;

  public DeleteDbInstanceAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "rds.delete-db-instance";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "db-instance");
  }

  @Override
  public String plan(ActionCall call) {
    return "DeleteDBInstance " + call.required("db-instance") + " in " + call.required("region")
        + (call.flag("skip-final-snapshot", true) ? " without" : " with") + " a final snapshot"
        + ", then wait until it is gone";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    StepDeadline deadline = aws.deadline(call);
    RdsClient rds = aws.rds(call);
    String instanceId = call.required("db-instance");
    boolean skipFinalSnapshot = call.flag("skip-final-snapshot", true);
    String finalSnapshot = call.optional("final-snapshot-id")
        .orElseGet(() -> RdsIdentifiers.fromKey("lifeline-final-", call.idempotencyKey()));
    try {
      AwsFailures.call("DeleteDBInstance " + instanceId, () -> rds.deleteDBInstance(request -> {
        request.dbInstanceIdentifier(instanceId).skipFinalSnapshot(skipFinalSnapshot);
        if (!skipFinalSnapshot) {
          request.finalDBSnapshotIdentifier(finalSnapshot);
        }
      }));
    } catch (ActionFailedException e) {
      if (e.getCause() instanceof DbInstanceNotFoundException) {
        return new ActionResult(Map.of("db-instance", instanceId, "deleted", "true"),
            instanceId + " not found: already deleted");
      }
      // Already deleting (an earlier attempt's delete): wait for it below. Any other state is a real failure.
      if (!(e.getCause() instanceof InvalidDbInstanceStateException)
          || !RdsInstances.find(rds, instanceId).map(i -> "deleting".equals(i.dbInstanceStatus())).orElse(true)) {
        throw e;
      }
    }
    String waitingFor = "DB instance " + instanceId + " to be deleted";
    AwsFailures.awaitMatch(waitingFor, deadline, () -> rds.waiter().waitUntilDBInstanceDeleted(
        request -> request.dbInstanceIdentifier(instanceId), deadline.waiter(waitingFor)));
    return new ActionResult(Map.of("db-instance", instanceId, "deleted", "true"),
        "deleted " + instanceId + (skipFinalSnapshot ? "" : " (final snapshot " + finalSnapshot + ")"));
  }
}
