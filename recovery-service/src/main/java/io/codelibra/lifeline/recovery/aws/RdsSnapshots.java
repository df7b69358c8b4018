package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DbSnapshotNotFoundException;

/** Reads and waits for RDS DB snapshots on behalf of the snapshot actions. */
final class RdsSnapshots {

  private RdsSnapshots() {
  }

  /** The snapshot with this identifier (or ARN), if it exists. */
  static Optional<DBSnapshot> find(RdsClient rds, String snapshot) {
    try {
      return AwsFailures.call("DescribeDBSnapshots " + snapshot,
          () -> rds.describeDBSnapshots(request -> request.dbSnapshotIdentifier(snapshot)).dbSnapshots().stream()
              .findFirst());
    } catch (ActionFailedException e) {
      if (e.getCause() instanceof DbSnapshotNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Waits until the snapshot is {@code available}; a failed or deleted snapshot fails the step (not retryable). */
  static DBSnapshot waitUntilAvailable(RdsClient rds, String snapshotId, StepDeadline deadline) {
    String waitingFor = "DB snapshot " + snapshotId + " to be available";
    return AwsFailures.await(waitingFor, deadline, () -> rds.waiter()
            .waitUntilDBSnapshotAvailable(request -> request.dbSnapshotIdentifier(snapshotId),
                deadline.waiter(waitingFor)))
        .dbSnapshots().getFirst();
  }

  /** The outputs every snapshot action gives: snapshot-id, snapshot-arn, snapshot-time (ISO-8601 instant). */
  static Map<String, String> outputs(DBSnapshot snapshot, Instant snapshotTime) {
    return Map.of(
        "snapshot-id", snapshot.dbSnapshotIdentifier(),
        "snapshot-arn", String.valueOf(snapshot.dbSnapshotArn()),
        "snapshot-time", String.valueOf(snapshotTime));
  }
}
