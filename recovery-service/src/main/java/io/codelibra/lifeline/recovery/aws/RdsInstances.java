package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

/** Reads and waits for RDS DB instances on behalf of the instance actions. */
final class RdsInstances {

  private RdsInstances() {
  }

  /** The instance with this identifier, if it exists. */
  static Optional<DBInstance> find(RdsClient rds, String instanceId) {
    try {
      return AwsFailures.call("DescribeDBInstances " + instanceId,
          () -> rds.describeDBInstances(request -> request.dbInstanceIdentifier(instanceId)).dbInstances().stream()
              .findFirst());
    } catch (ActionFailedException e) {
      if (e.getCause() instanceof DbInstanceNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  static DBInstance require(RdsClient rds, String instanceId) {
    return find(rds, instanceId).orElseThrow(() -> new ActionFailedException(
        "DB instance " + instanceId + " not found", false));
  }

  /** Waits until the instance is {@code available}; a failed or deleted instance fails the step (not retryable). */
  static DBInstance waitUntilAvailable(RdsClient rds, String instanceId, StepDeadline deadline) {
    String waitingFor = "DB instance " + instanceId + " to be available";
    return AwsFailures.await(waitingFor, deadline, () -> rds.waiter()
            .waitUntilDBInstanceAvailable(request -> request.dbInstanceIdentifier(instanceId),
                deadline.waiter(waitingFor)))
        .dbInstances().getFirst();
  }

  static String summary(DBInstance instance) {
    return instance.dbInstanceIdentifier() + " " + instance.dbInstanceStatus()
        + (instance.availabilityZone() == null ? "" : " in " + instance.availabilityZone());
  }
}
