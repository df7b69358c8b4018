package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

/**
 * {@code rds.latest-snapshot}: the newest {@code available} snapshot of a DB instance in {@code region}, of
 * {@code snapshot-type} manual, automated or any (default). Read-only, so idempotent by nature.
 */
public final class LatestDbSnapshotAction implements RecoveryAction {

  private static final Set<String> TYPES = Set.of("manual", "automated", "any");

  private final AwsActionContext aws;

  public LatestDbSnapshotAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "rds.latest-snapshot";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "db-instance");
  }

  @Override
  public String plan(ActionCall call) {
    return "find the newest available " + type(call) + " snapshot of " + call.required("db-instance") + " in "
        + call.required("region");
  }

  @Override
  public ActionResult execute(ActionCall call) {
    String instance = call.required("db-instance");
    String type = type(call);
    DBSnapshot latest = AwsFailures.call("DescribeDBSnapshots of " + instance, () -> aws.rds(call)
            .describeDBSnapshotsPaginator(request -> {
              request.dbInstanceIdentifier(instance);
              if (!type.equals("any")) {
                request.snapshotType(type);
              }
            })
            .dbSnapshots().stream()
            .filter(snapshot -> "available".equals(snapshot.status()) && snapshot.snapshotCreateTime() != null)
            .max(Comparator.comparing(DBSnapshot::snapshotCreateTime)))
        .orElseThrow(() -> new ActionFailedException("no available " + type + " snapshot of " + instance + " in "
            + call.required("region"), false));
    return new ActionResult(RdsSnapshots.outputs(latest, latest.snapshotCreateTime()),
        "latest " + type + " snapshot of " + instance + ": " + latest.dbSnapshotIdentifier() + " taken "
            + latest.snapshotCreateTime());
  }

  private static String type(ActionCall call) {
    String type = call.optional("snapshot-type").orElse("any").toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw new ActionFailedException("snapshot-type must be manual, automated or any, not '" + type + "'", false);
    }
    return type;
  }
}
