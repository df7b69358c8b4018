package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * {@code rds.copy-db-snapshot}: copies {@code source-snapshot} from {@code source-region} into {@code region} (the
 * target, e.g. the DR region) as {@code target-snapshot-id} or {@code lifeline-} plus the idempotency key. A copy of
 * that name already there (an earlier attempt's) is waited for, not started again. The snapshot-time output is the
 * source snapshot's creation time: the recovery point, what RPO is measured on.
 */
public final class CopyDbSnapshotAction implements RecoveryAction {

  private final AwsActionContext aws;

  public CopyDbSnapshotAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "rds.copy-db-snapshot";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "source-region", "source-snapshot");
  }

  @Override
  public String plan(ActionCall call) {
    return "CopyDBSnapshot " + call.required("source-snapshot") + " from " + call.required("source-region") + " to "
        + targetId(call) + " in " + call.required("region")
        + call.optional("kms-key-id").map(key -> " encrypted with " + key).orElse("")
        + " (unless it exists), then wait until it is available";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    StepDeadline deadline = aws.deadline(call);
    Region target = AwsActionContext.region(call);
    Region source = AwsActionContext.region(call, "source-region");
    String targetId = targetId(call);
    RdsClient targetRds = aws.clients().rds(target);
    // The source's ARN (required for a cross-region copy) and creation time, whether given an id or an ARN.
    String sourceSnapshot = call.required("source-snapshot");
    DBSnapshot original = RdsSnapshots.find(aws.clients().rds(source), sourceSnapshot)
        .orElseThrow(() -> new ActionFailedException("DB snapshot " + sourceSnapshot + " not found in " + source,
            false));
    Optional<DBSnapshot> earlier = RdsSnapshots.find(targetRds, targetId);
    if (earlier.isEmpty()) {
      boolean crossRegion = !source.equals(target);
      AwsFailures.call("CopyDBSnapshot " + sourceSnapshot + " to " + targetId, () -> targetRds.copyDBSnapshot(
          request -> {
            request.sourceDBSnapshotIdentifier(crossRegion ? original.dbSnapshotArn() : original.dbSnapshotIdentifier())
                .targetDBSnapshotIdentifier(targetId)
                .copyTags(true);
            call.optional("kms-key-id").ifPresent(request::kmsKeyId);
            if (crossRegion) {
              // The SDK presigns the source-region request from this (PreSignedUrl), as RDS needs for a copy.
              request.sourceRegion(source.id());
            }
          }));
    }
    DBSnapshot copy = RdsSnapshots.waitUntilAvailable(targetRds, targetId, deadline);
    return new ActionResult(RdsSnapshots.outputs(copy, original.snapshotCreateTime()),
        (earlier.isPresent() ? "found copy " : "copied ") + original.dbSnapshotIdentifier() + " from " + source
            + " to " + targetId + " in " + target + ", available");
  }

  static String targetId(ActionCall call) {
    String id = call.optional("target-snapshot-id").orElseGet(() -> RdsIdentifiers.fromKey("lifeline-",
        call.idempotencyKey()));
    if (!RdsIdentifiers.isValid(id)) {
      throw new ActionFailedException("'" + id + "' is not a valid DB snapshot identifier", false);
    }
    return id;
  }
}
