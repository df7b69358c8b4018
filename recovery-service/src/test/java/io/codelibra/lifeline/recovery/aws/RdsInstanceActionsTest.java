package io.codelibra.lifeline.recovery.aws;

import static io.codelibra.lifeline.recovery.aws.RdsSnapshotActionsTest.call;
import static io.codelibra.lifeline.recovery.aws.RdsXml.describeInstances;
import static io.codelibra.lifeline.recovery.aws.RdsXml.error;
import static io.codelibra.lifeline.recovery.aws.RdsXml.instance;
import static io.codelibra.lifeline.recovery.aws.RdsXml.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RdsInstanceActionsTest {

  private static final String DB = "orders-db-restored";

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
  void restoresFromTheSnapshotAndReportsTheEndpointOnceAvailable() {
    aws.thenAnswer(404, error("DBInstanceNotFound", "DBInstance " + DB + " not found."))
        .thenAnswer(result("RestoreDBInstanceFromDBSnapshot", instance(DB, "creating", "us-west-2a", true, null)))
        .thenAnswer(describeInstances(instance(DB, "creating", "us-west-2a", true, null)))
        .thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", true, null)));

    ActionResult result = new RestoreDbInstanceFromSnapshotAction(context).execute(call(Map.of(
        "snapshot-id", "nightly-2", "db-instance", DB, "instance-class", "db.r6g.large",
        "subnet-group", "lifeline-dr", "security-group-ids", "sg-1, sg-2", "multi-az", "true")));

    assertThat(result.outputs()).isEqualTo(Map.of(
        "endpoint", DB + ".abc123.us-west-2.rds.amazonaws.com", "port", "5432", "db-instance", DB));
    assertThat(aws.take().form()).isEqualTo(Map.of(
        "Action", "DescribeDBInstances", "Version", "2014-10-31", "DBInstanceIdentifier", DB));
    assertThat(aws.take().form()).isEqualTo(Map.ofEntries(
        Map.entry("Action", "RestoreDBInstanceFromDBSnapshot"), Map.entry("Version", "2014-10-31"),
        Map.entry("DBInstanceIdentifier", DB), Map.entry("DBSnapshotIdentifier", "nightly-2"),
        Map.entry("DBInstanceClass", "db.r6g.large"), Map.entry("DBSubnetGroupName", "lifeline-dr"),
        Map.entry("VpcSecurityGroupIds.VpcSecurityGroupId.1", "sg-1"),
        Map.entry("VpcSecurityGroupIds.VpcSecurityGroupId.2", "sg-2"), Map.entry("MultiAZ", "true")));
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void doesNotRestoreAgainWhenTheInstanceAlreadyExists() {
    aws.thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", true, null)))
        .thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", true, null)));

    ActionResult result = new RestoreDbInstanceFromSnapshotAction(context).execute(call(Map.of(
        "snapshot-id", "nightly-2", "db-instance", DB)));

    assertThat(result.detail()).startsWith("found");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void forcedFailoverRebootsAndVerifiesTheZoneChanged() {
    aws.thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", true, null)))
        .thenAnswer(result("RebootDBInstance", instance(DB, "rebooting", "us-west-2a", true, null)))
        .thenAnswer(describeInstances(instance(DB, "rebooting", "us-west-2a", true, null)))
        .thenAnswer(describeInstances(instance(DB, "available", "us-west-2b", true, null)));

    ActionResult result = new RebootDbInstanceAction(context).execute(call(Map.of("db-instance", DB)));

    assertThat(result.outputs()).containsEntry("availability-zone-before", "us-west-2a")
        .containsEntry("availability-zone-after", "us-west-2b");
    aws.take();
    assertThat(aws.take().form()).isEqualTo(Map.of(
        "Action", "RebootDBInstance", "Version", "2014-10-31", "DBInstanceIdentifier", DB,
        "ForceFailover", "true"));
  }

  @Test
  void forcedFailoverFailsWhenTheZoneDidNotChange() {
    aws.thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", true, null)))
        .thenAnswer(result("RebootDBInstance", instance(DB, "rebooting", "us-west-2a", true, null)))
        .thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", true, null)));

    assertThatThrownBy(() -> new RebootDbInstanceAction(context).execute(call(Map.of("db-instance", DB))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("not verified").contains("us-west-2a");
        });
  }

  @Test
  void anInstanceAlreadyRebootingIsWaitedForNotRebootedAgain() {
    aws.thenAnswer(describeInstances(instance(DB, "rebooting", "us-west-2a", true, null)))
        .thenAnswer(describeInstances(instance(DB, "available", "us-west-2b", true, null)));

    ActionResult result = new RebootDbInstanceAction(context).execute(call(Map.of("db-instance", DB)));

    assertThat(result.detail()).startsWith("waited for the reboot in progress");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void promotesAReplicaAndWaitsUntilItHasNoSource() {
    String source = "arn:aws:rds:us-east-1:123456789012:db:orders-db";
    aws.thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", false, source)))
        .thenAnswer(result("PromoteReadReplica", instance(DB, "modifying", "us-west-2a", false, source)))
        .thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", false, source)))
        .thenAnswer(describeInstances(instance(DB, "modifying", "us-west-2a", false, null)))
        .thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", false, null)));

    ActionResult result = new PromoteReadReplicaAction(context).execute(call(Map.of("db-instance", DB)));

    assertThat(result.outputs()).containsEntry("promoted", "true");
    aws.take();
    assertThat(aws.take().form()).isEqualTo(Map.of(
        "Action", "PromoteReadReplica", "Version", "2014-10-31", "DBInstanceIdentifier", DB));
  }

  @Test
  void doesNotPromoteAStandaloneInstance() {
    aws.thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", false, null)))
        .thenAnswer(describeInstances(instance(DB, "available", "us-west-2a", false, null)));

    ActionResult result = new PromoteReadReplicaAction(context).execute(call(Map.of("db-instance", DB)));

    assertThat(result.outputs()).containsEntry("promoted", "false");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void deletingAnInstanceThatIsNotFoundIsDone() {
    aws.thenAnswer(404, error("DBInstanceNotFound", "DBInstance " + DB + " not found."));

    ActionResult result = new DeleteDbInstanceAction(context).execute(call(Map.of("db-instance", DB)));

    assertThat(result.outputs()).containsEntry("deleted", "true");
    assertThat(aws.take().form()).isEqualTo(Map.of(
        "Action", "DeleteDBInstance", "Version", "2014-10-31", "DBInstanceIdentifier", DB,
        "SkipFinalSnapshot", "true"));
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void deletesAndWaitsUntilTheInstanceIsGone() {
    aws.thenAnswer(result("DeleteDBInstance", instance(DB, "deleting", "us-west-2a", false, null)))
        .thenAnswer(describeInstances(instance(DB, "deleting", "us-west-2a", false, null)))
        .thenAnswer(404, error("DBInstanceNotFound", "DBInstance " + DB + " not found."));

    ActionResult result = new DeleteDbInstanceAction(context).execute(call(Map.of(
        "db-instance", DB, "skip-final-snapshot", "false")));

    assertThat(result.detail()).contains("final snapshot lifeline-final-run-42-snapshot-primary");
    assertThat(aws.take().form()).containsEntry("SkipFinalSnapshot", "false")
        .containsEntry("FinalDBSnapshotIdentifier", "lifeline-final-run-42-snapshot-primary");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeDBInstances");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void aServerErrorIsRetryable() {
    aws.thenAnswer(500, error("InternalFailure", "try again"));

    assertThatThrownBy(() -> new PromoteReadReplicaAction(context).execute(call(Map.of("db-instance", DB))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.retryable()).isTrue());
  }
}
