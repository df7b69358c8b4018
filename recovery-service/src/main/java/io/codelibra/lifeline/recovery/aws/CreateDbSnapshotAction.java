package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * {@code rds.create-db-snapshot}: a manual snapshot of a DB instance, named {@code snapshot-id} or {@code lifeline-}
 * plus the idempotency key; an existing snapshot of that name (an earlier attempt's) is waited for, not recreated.
 */
public final class CreateDbSnapshotAction implements RecoveryAction {

  private final AwsActionContext aws;

  public CreateDbSnapshotAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "rds.create-db-snapshot";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "db-instance");
  }

  @Override
  public String plan(ActionCall call) {
    return "CreateDBSnapshot " + snapshotId(call) + " of " + call.required("db-instance") + " in "
        + call.required("region") + " (unless it exists), then wait until it is available";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    StepDeadline deadline = aws.deadline(call);
    RdsClient rds = aws.rds(call);
    String instance = call.required("db-instance");
    String snapshotId = snapshotId(call);
    Optional<DBSnapshot> earlier = RdsSnapshots.find(rds, snapshotId);
    if (earlier.isPresent() && !instance.equals(earlier.get().dbInstanceIdentifier())) {
      throw new ActionFailedException("DB snapshot " + snapshotId + " exists but is of "
          + earlier.get().dbInstanceIdentifier() + ", not " + instance, false);
    }
    if (earlier.isEmpty()) {
      AwsFailures.call("CreateDBSnapshot " + snapshotId, () -> rds.createDBSnapshot(request -> request
          .dbInstanceIdentifier(instance)
          .dbSnapshotIdentifier(snapshotId)));
    }
    DBSnapshot snapshot = RdsSnapshots.waitUntilAvailable(rds, snapshotId, deadline);
    return new ActionResult(RdsSnapshots.outputs(snapshot, snapshot.snapshotCreateTime()),
        (earlier.isPresent() ? "found DB snapshot " : "created DB snapshot ") + snapshotId + " of " + instance
            + ", available");
  }

  static String snapshotId(ActionCall call) {
    String id = call.optional("snapshot-id").orElseGet(() -> RdsIdentifiers.fromKey("lifeline-",
        call.idempotencyKey()));
    if (!RdsIdentifiers.isValid(id)) {
      throw new ActionFailedException("'" + id + "' is not a valid DB snapshot identifier", false);
    }
    return id;
  }
}
