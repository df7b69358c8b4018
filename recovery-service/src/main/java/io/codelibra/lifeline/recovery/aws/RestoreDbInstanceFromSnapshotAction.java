package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * {@code rds.restore-db-instance-from-snapshot}: a new DB instance {@code db-instance} from {@code snapshot-id}, with
 * optional instance-class, subnet-group, security-group-ids (comma-separated) and multi-az. The instance name is the
 * idempotency: an instance of that name already there (an earlier attempt's restore) is waited for, not restored again.
 */
public final class RestoreDbInstanceFromSnapshotAction implements RecoveryAction {

  private final AwsActionContext aws;

  public RestoreDbInstanceFromSnapshotAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "rds.restore-db-instance-from-snapshot";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "snapshot-id", "db-instance");
  }

  @Override
  public String plan(ActionCall call) {
    return "RestoreDBInstanceFromDBSnapshot " + call.required("snapshot-id") + " as " + call.required("db-instance")
        + " in " + call.required("region") + call.optional("instance-class").map(c -> " (" + c + ")").orElse("")
        + " (unless it exists), then wait until it is available";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    StepDeadline deadline = aws.deadline(call);
    RdsClient rds = aws.rds(call);
    String snapshot = call.required("snapshot-id");
    String instance = call.required("db-instance");
    Optional<DBInstance> earlier = RdsInstances.find(rds, instance);
    if (earlier.isPresent() && "deleting".equals(earlier.get().dbInstanceStatus())) {
      throw new ActionFailedException("DB instance " + instance + " is being deleted: cannot restore under its name yet",
          true);
    }
    if (earlier.isEmpty()) {
      List<String> securityGroups = call.optional("security-group-ids")
          .map(ids -> Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList())
          .orElse(List.of());
      AwsFailures.call("RestoreDBInstanceFromDBSnapshot " + snapshot + " as " + instance,
          () -> rds.restoreDBInstanceFromDBSnapshot(request -> {
            request.dbSnapshotIdentifier(snapshot).dbInstanceIdentifier(instance);
            call.optional("instance-class").ifPresent(request::dbInstanceClass);
            call.optional("subnet-group").ifPresent(request::dbSubnetGroupName);
            if (!securityGroups.isEmpty()) {
              request.vpcSecurityGroupIds(securityGroups);
            }
            call.optional("multi-az").ifPresent(multiAz -> request.multiAZ(Boolean.parseBoolean(multiAz)));
          }));
    }
    DBInstance restored = RdsInstances.waitUntilAvailable(rds, instance, deadline);
    if (restored.endpoint() == null) {
      throw new ActionFailedException("DB instance " + instance + " is available but has no endpoint", true);
    }
    return new ActionResult(Map.of(
        "endpoint", restored.endpoint().address(),
        "port", String.valueOf(restored.endpoint().port()),
        "db-instance", restored.dbInstanceIdentifier()),
        (earlier.isPresent() ? "found DB instance " : "restored DB instance ") + instance + " from " + snapshot
            + ", available at " + restored.endpoint().address() + ":" + restored.endpoint().port());
  }
}
