package io.codelibra.lifeline.recovery.aws;

import static io.codelibra.lifeline.recovery.aws.RdsSnapshotActionsTest.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3BucketChecksTest {

  private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  private static final String BUCKET = "lifeline-backups";

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
  void enabledVersioningPasses() {
    aws.thenAnswer("""
        <VersioningConfiguration xmlns="%s"><Status>Enabled</Status></VersioningConfiguration>""".formatted(NS));

    ActionResult result = new CheckBucketVersioningAction(context).execute(call(Map.of("bucket", BUCKET)));

    assertThat(result.outputs()).containsEntry("versioning", "Enabled").containsEntry("bucket", BUCKET);
    AwsTestEndpoint.Received request = aws.take();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/" + BUCKET);
    assertThat(request.query()).isEqualTo("versioning");
    assertThat(request.header("Authorization")).contains("/us-west-2/s3/aws4_request");
  }

  @Test
  void suspendedVersioningFailsForGood() {
    aws.thenAnswer("""
        <VersioningConfiguration xmlns="%s"><Status>Suspended</Status></VersioningConfiguration>""".formatted(NS));

    assertThatThrownBy(() -> new CheckBucketVersioningAction(context).execute(call(Map.of("bucket", BUCKET))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("Suspended");
        });
  }

  @Test
  void neverEnabledVersioningFails() {
    aws.thenAnswer("<VersioningConfiguration xmlns=\"%s\"/>".formatted(NS));

    assertThatThrownBy(() -> new CheckBucketVersioningAction(context).execute(call(Map.of("bucket", BUCKET))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> assertThat(e.getMessage())
            .contains("never enabled"));
  }

  @Test
  void aMissingBucketFailsForGood() {
    aws.thenAnswer(404, """
        <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>\
        <BucketName>lifeline-backups</BucketName><RequestId>req-1</RequestId></Error>""");

    assertThatThrownBy(() -> new CheckBucketVersioningAction(context).execute(call(Map.of("bucket", BUCKET))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("NoSuchBucket");
        });
  }

  @Test
  void replicationWithEveryRuleEnabledReportsRulesAndDestinations() {
    aws.thenAnswer(replication("Enabled", "Enabled"));

    ActionResult result = new CheckBucketReplicationAction(context).execute(call(Map.of("bucket", BUCKET)));

    assertThat(result.outputs()).isEqualTo(Map.of(
        "bucket", BUCKET, "rules", "to-dr,to-archive",
        "destination-buckets", "lifeline-backups-dr,lifeline-archive"));
    AwsTestEndpoint.Received request = aws.take();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/" + BUCKET);
    assertThat(request.query()).isEqualTo("replication");
  }

  @Test
  void aDisabledReplicationRuleFailsTheCheck() {
    aws.thenAnswer(replication("Enabled", "Disabled"));

    assertThatThrownBy(() -> new CheckBucketReplicationAction(context).execute(call(Map.of("bucket", BUCKET))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("to-archive").doesNotContain("to-dr");
        });
  }

  @Test
  void noReplicationConfigurationFailsForGood() {
    aws.thenAnswer(404, """
        <Error><Code>ReplicationConfigurationNotFoundError</Code><Message>The replication configuration was not \
        found</Message><BucketName>lifeline-backups</BucketName><RequestId>req-1</RequestId></Error>""");

    assertThatThrownBy(() -> new CheckBucketReplicationAction(context).execute(call(Map.of("bucket", BUCKET))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("ReplicationConfigurationNotFoundError");
        });
  }

  private static String replication(String first, String second) {
    return """
        <ReplicationConfiguration xmlns="%s">
          <Role>arn:aws:iam::123456789012:role/lifeline-replication</Role>
          <Rule><ID>to-dr</ID><Priority>1</Priority><Status>%s</Status><Filter/>
            <Destination><Bucket>arn:aws:s3:::lifeline-backups-dr</Bucket></Destination>
            <DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule>
          <Rule><ID>to-archive</ID><Priority>2</Priority><Status>%s</Status><Filter/>
            <Destination><Bucket>arn:aws:s3:::lifeline-archive</Bucket></Destination>
            <DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication></Rule>
        </ReplicationConfiguration>""".formatted(NS, first, second);
  }
}
