package io.codelibra.lifeline.recovery.aws;

import static io.codelibra.lifeline.recovery.aws.RdsXml.describeSnapshots;
import static io.codelibra.lifeline.recovery.aws.RdsXml.error;
import static io.codelibra.lifeline.recovery.aws.RdsXml.result;
import static io.codelibra.lifeline.recovery.aws.RdsXml.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RdsSnapshotActionsTest {

  private static final String KEY = "run-42:snapshot-primary";
  private static final String SNAPSHOT = "lifeline-run-42-snapshot-primary";
  private static final String INSTANCE = "orders-db";

  private AwsTestEndpoint aws;
  private AwsActionContext context;

  @BeforeEach
  void start() throws Exception {
    aws = new AwsTestEndpoint();
    context = aws.context();
  }

  @AfterEach
  void stop() {
    context.clients().close();
    aws.close();
  }

  @Test
  void createsASnapshotNamedFromTheIdempotencyKeyAndWaitsUntilItIsAvailable() {
    aws.thenAnswer(404, error("DBSnapshotNotFound", "DBSnapshot " + SNAPSHOT + " not found."))
        .thenAnswer(result("CreateDBSnapshot", snapshot(SNAPSHOT, INSTANCE, "creating", "2026-11-24T10:00:00Z")))
        .thenAnswer(describeSnapshots(snapshot(SNAPSHOT, INSTANCE, "creating", "2026-11-24T10:00:00Z")))
        .thenAnswer(describeSnapshots(snapshot(SNAPSHOT, INSTANCE, "available", "2026-11-24T10:00:00Z")));

    ActionResult result = new CreateDbSnapshotAction(context).execute(call(Map.of("db-instance", INSTANCE)));

    assertThat(result.outputs()).isEqualTo(Map.of(
        "snapshot-id", SNAPSHOT,
        "snapshot-arn", "arn:aws:rds:us-west-2:123456789012:snapshot:" + SNAPSHOT,
        "snapshot-time", "2026-11-24T10:00:00Z"));
    AwsTestEndpoint.Received describe = aws.take();
    assertThat(describe.method()).isEqualTo("POST");
    assertThat(describe.header("Authorization")).contains("/us-west-2/rds/aws4_request");
    assertThat(describe.form()).isEqualTo(Map.of(
        "Action", "DescribeDBSnapshots", "Version", "2014-10-31", "DBSnapshotIdentifier", SNAPSHOT));
    assertThat(aws.take().form()).isEqualTo(Map.of(
        "Action", "CreateDBSnapshot", "Version", "2014-10-31", "DBInstanceIdentifier", INSTANCE,
        "DBSnapshotIdentifier", SNAPSHOT));
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBSnapshots")
        .containsEntry("DBSnapshotIdentifier", SNAPSHOT);
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBSnapshots");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void reRunFindsTheEarlierAttemptsSnapshotAndDoesNotCreateAnother() {
    aws.thenAnswer(describeSnapshots(snapshot(SNAPSHOT, INSTANCE, "creating", "2026-11-24T10:00:00Z")))
        .thenAnswer(describeSnapshots(snapshot(SNAPSHOT, INSTANCE, "available", "2026-11-24T10:00:00Z")));

    ActionResult result = new CreateDbSnapshotAction(context).execute(call(Map.of("db-instance", INSTANCE)));

    assertThat(result.outputs()).containsEntry("snapshot-id", SNAPSHOT);
    assertThat(result.detail()).startsWith("found");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBSnapshots");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBSnapshots");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void refusesASnapshotOfTheSameNameTakenOfAnotherInstance() {
    aws.thenAnswer(describeSnapshots(snapshot(SNAPSHOT, "billing-db", "available", "2026-11-24T10:00:00Z")));

    assertThatThrownBy(() -> new CreateDbSnapshotAction(context).execute(call(Map.of("db-instance", INSTANCE))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("billing-db");
        });
  }

  @Test
  void failsRetryablyWhenTheSnapshotIsNotAvailableWithinTheTimeout() {
    aws.thenAnswer(404, error("DBSnapshotNotFound", "not found"))
        .thenAnswer(result("CreateDBSnapshot", snapshot(SNAPSHOT, INSTANCE, "creating", "2026-11-24T10:00:00Z")))
        .otherwiseAnswer(200, describeSnapshots(snapshot(SNAPSHOT, INSTANCE, "creating", "2026-11-24T10:00:00Z")));

    assertThatThrownBy(() -> new CreateDbSnapshotAction(context)
        .execute(call(Map.of("db-instance", INSTANCE), Duration.ofMillis(300))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("timed out").contains(SNAPSHOT);
        });
  }

  @Test
  void aFailedSnapshotFailsTheStepForGood() {
    aws.thenAnswer(describeSnapshots(snapshot(SNAPSHOT, INSTANCE, "failed", "2026-11-24T10:00:00Z")))
        .thenAnswer(describeSnapshots(snapshot(SNAPSHOT, INSTANCE, "failed", "2026-11-24T10:00:00Z")));

    assertThatThrownBy(() -> new CreateDbSnapshotAction(context).execute(call(Map.of("db-instance", INSTANCE))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void throttlingIsRetryable() {
    aws.thenAnswer(400, error("Throttling", "Rate exceeded"));

    assertThatThrownBy(() -> new CreateDbSnapshotAction(context).execute(call(Map.of("db-instance", INSTANCE))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("Throttling");
        });
  }

  @Test
  void copiesASnapshotAcrossRegionsByItsArnAndReportsTheSourceTime() {
    String source = "orders-db-nightly";
    String sourceArn = "arn:aws:rds:us-west-2:123456789012:snapshot:" + source;
    aws.thenAnswer(describeSnapshots(snapshot(source, INSTANCE, "available", "2026-11-24T03:00:00Z")))
        .thenAnswer(404, error("DBSnapshotNotFound", "not found"))
        .thenAnswer(result("CopyDBSnapshot", snapshot("dr-copy", INSTANCE, "pending", "2026-11-24T10:00:00Z")))
        .thenAnswer(describeSnapshots(snapshot("dr-copy", INSTANCE, "available", "2026-11-24T10:05:00Z")));

    ActionResult result = new CopyDbSnapshotAction(context).execute(call(Map.of(
        "region", "us-east-1", "source-region", "us-west-2", "source-snapshot", source,
        "target-snapshot-id", "dr-copy", "kms-key-id", "alias/lifeline-dr")));

    assertThat(result.outputs()).containsEntry("snapshot-id", "dr-copy")
        .containsEntry("snapshot-time", "2026-11-24T03:00:00Z");
    AwsTestEndpoint.Received describeSource = aws.take();
    assertThat(describeSource.header("Authorization")).contains("/us-west-2/rds/aws4_request");
    assertThat(describeSource.form()).containsEntry("DBSnapshotIdentifier", source);
    AwsTestEndpoint.Received describeTarget = aws.take();
    assertThat(describeTarget.header("Authorization")).contains("/us-east-1/rds/aws4_request");
    assertThat(describeTarget.form()).containsEntry("DBSnapshotIdentifier", "dr-copy");
    AwsTestEndpoint.Received copy = aws.take();
    assertThat(copy.header("Authorization")).contains("/us-east-1/rds/aws4_request");
    Map<String, String> form = copy.form();
    assertThat(form).containsEntry("Action", "CopyDBSnapshot")
        .containsEntry("SourceDBSnapshotIdentifier", sourceArn)
        .containsEntry("TargetDBSnapshotIdentifier", "dr-copy")
        .containsEntry("KmsKeyId", "alias/lifeline-dr")
        .containsEntry("CopyTags", "true");
    // SourceRegion is the SDK's, not sent as such: it becomes a PreSignedUrl signed in the source region.
    assertThat(form).doesNotContainKey("SourceRegion");
    assertThat(form.get("PreSignedUrl")).startsWith("https://rds.us-west-2.amazonaws.com?Action=CopyDBSnapshot")
        .contains("DestinationRegion=us-east-1").contains("%2Fus-west-2%2Frds%2Faws4_request");
  }

  @Test
  void latestSnapshotIsTheNewestAvailableOne() {
    aws.thenAnswer(describeSnapshots(
        snapshot("nightly-1", INSTANCE, "available", "2026-11-22T03:00:00Z"),
        snapshot("nightly-3", INSTANCE, "creating", "2026-11-24T03:00:00Z"),
        snapshot("nightly-2", INSTANCE, "available", "2026-11-23T03:00:00Z")));

    ActionResult result = new LatestDbSnapshotAction(context).execute(call(Map.of(
        "db-instance", INSTANCE, "snapshot-type", "manual")));

    assertThat(result.outputs()).isEqualTo(Map.of(
        "snapshot-id", "nightly-2",
        "snapshot-arn", "arn:aws:rds:us-west-2:123456789012:snapshot:nightly-2",
        "snapshot-time", "2026-11-23T03:00:00Z"));
    assertThat(aws.take().form()).isEqualTo(Map.of(
        "Action", "DescribeDBSnapshots", "Version", "2014-10-31", "DBInstanceIdentifier", INSTANCE,
        "SnapshotType", "manual"));
  }

  @Test
  void latestSnapshotFailsForGoodWhenThereIsNone() {
    aws.thenAnswer(describeSnapshots());

    assertThatThrownBy(() -> new LatestDbSnapshotAction(context).execute(call(Map.of("db-instance", INSTANCE))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("no available any snapshot of " + INSTANCE);
        });
    assertThat(aws.take().form()).doesNotContainKey("SnapshotType");
  }

  static ActionCall call(Map<String, String> parameters) {
    return call(parameters, Duration.ofSeconds(10));
  }

  static ActionCall call(Map<String, String> parameters, Duration timeout) {
    Map<String, String> withRegion = new java.util.HashMap<>(Map.of("region", "us-west-2"));
    withRegion.putAll(parameters);
    return new ActionCall("run-42", "snapshot-primary", KEY, withRegion, timeout);
  }
}
