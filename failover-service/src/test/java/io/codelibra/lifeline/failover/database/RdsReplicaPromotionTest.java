package io.codelibra.lifeline.failover.database;

import static io.codelibra.lifeline.failover.routing.AwsTestEndpoint.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.failover.routing.AwsTestEndpoint;
import io.codelibra.lifeline.failover.routing.ExecutedStep;
import io.codelibra.lifeline.failover.routing.FailoverStepException;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;

class RdsReplicaPromotionTest {

  private static final String REPLICA = "lifeline-db-us-west-2";
  private static final String SOURCE = "arn:aws:rds:us-east-1:123456789012:db:lifeline-db-us-east-1";
  private static final Map<String, String> XML = Map.of("Content-Type", "text/xml");

  private RecordingHttpServer aws;
  private RdsClient rds;

  @BeforeEach
  void start() throws Exception {
    aws = RecordingHttpServer.start();
    rds = AwsTestEndpoint.client(RdsClient.builder(), aws, Region.US_WEST_2);
  }

  @AfterEach
  void stop() {
    rds.close();
    aws.close();
  }

  @Test
  void promotesTheReplicaAndWaitsUntilItIsStandaloneAndAvailable() {
    aws.thenAnswer(200, describe("available", SOURCE, "replicating", true), XML)
        .thenAnswer(200, promoteResponse(), XML)
        // The waiter can see the replica still available before the promotion starts: that is not done yet.
        .thenAnswer(200, describe("available", SOURCE, "replicating", true), XML)
        .thenAnswer(200, describe("modifying", null, null, true), XML)
        .thenAnswer(200, describe("available", null, null, true), XML);

    PromotionResult result = promotion(Duration.ofSeconds(10)).promote();

    assertThat(result.changed()).isTrue();
    assertThat(result.database()).isEqualTo(REPLICA);
    assertThat(result.verified()).contains("standalone");
    assertThat(result.steps()).extracting(ExecutedStep::name)
        .containsExactly("rds-describe-replica", "rds-promote-read-replica", "rds-wait-promoted");
    assertThat(result.steps()).extracting(ExecutedStep::outcome).containsOnly(ExecutedStep.Outcome.SUCCEEDED);

    RecordingHttpServer.Received describe = take();
    assertThat(describe.method()).isEqualTo("POST");
    assertThat(describe.path()).isEqualTo("/");
    assertThat(describe.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form(describe.text())).isEqualTo(Map.of(
        "Action", "DescribeDBInstances", "Version", "2014-10-31", "DBInstanceIdentifier", REPLICA));
    RecordingHttpServer.Received promote = take();
    assertThat(promote.header("Authorization")).contains("/us-west-2/rds/aws4_request");
    assertThat(form(promote.text())).isEqualTo(Map.of(
        "Action", "PromoteReadReplica", "Version", "2014-10-31", "DBInstanceIdentifier", REPLICA,
        "BackupRetentionPeriod", "7"));
    for (int poll = 0; poll < 3; poll++) {
      assertThat(form(take().text())).containsEntry("Action", "DescribeDBInstances");
    }
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void isReadyWhenTheReplicaIsAvailableAndReplicatingNormally() {
    aws.thenAnswer(200, describe("available", SOURCE, "replicating", true), XML);

    DatabaseReadiness readiness = promotion(Duration.ofSeconds(10)).check();

    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.reasons()).isEmpty();
    assertThat(readiness.steps()).singleElement().extracting(ExecutedStep::detail).asString()
        .contains("replica of " + SOURCE);
  }

  @Test
  void isNotReadyWhenReplicationIsBroken() {
    aws.thenAnswer(200, describe("available", SOURCE, "error", false), XML);

    DatabaseReadiness readiness = promotion(Duration.ofSeconds(10)).check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reasons()).singleElement().asString().contains("error").contains("normal=false");
  }

  @Test
  void isNotReadyWhenTheReplicaDoesNotExist() {
    aws.thenAnswer(404, """
        <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type>\
        <Code>DBInstanceNotFound</Code><Message>DBInstance lifeline-db-us-west-2 not found.</Message></Error>\
        <RequestId>req-1</RequestId></ErrorResponse>""", XML);

    DatabaseReadiness readiness = promotion(Duration.ofSeconds(10)).check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reasons()).singleElement().asString().contains("not found");
  }

  @Test
  void refusesToPromoteAReplicaThatIsNotReplicating() {
    aws.thenAnswer(200, describe("storage-full", SOURCE, "error", false), XML);

    assertThatThrownBy(() -> promotion(Duration.ofSeconds(10)).promote())
        .isInstanceOfSatisfying(FailoverStepException.class, e -> {
          assertThat(e.getMessage()).contains("not ready").contains("storage-full");
          assertThat(e.steps()).extracting(ExecutedStep::name).containsExactly("rds-describe-replica");
        });
    assertThat(aws.requestCount()).isEqualTo(1);
  }

  @Test
  void changesNothingWhenTheInstanceIsAlreadyStandalone() {
    aws.thenAnswer(200, describe("available", null, null, true), XML);

    PromotionResult result = promotion(Duration.ofSeconds(10)).promote();

    assertThat(result.changed()).isFalse();
    assertThat(result.steps().getLast().outcome()).isEqualTo(ExecutedStep.Outcome.SKIPPED);
    assertThat(aws.requestCount()).isEqualTo(1);
  }

  @Test
  void timesOutWhenThePromotionDoesNotFinishInTime() {
    aws.thenAnswer(200, describe("available", SOURCE, "replicating", true), XML)
        .thenAnswer(200, promoteResponse(), XML)
        .otherwiseAnswer(200, describe("modifying", SOURCE, "replicating", true));

    assertThatThrownBy(() -> promotion(Duration.ofMillis(300)).promote())
        .isInstanceOfSatisfying(FailoverStepException.class, e -> {
          ExecutedStep last = e.steps().getLast();
          assertThat(last.name()).isEqualTo("rds-wait-promoted");
          assertThat(last.outcome()).isEqualTo(ExecutedStep.Outcome.TIMED_OUT);
        });
  }

  private RdsReplicaPromotion promotion(Duration maxWait) {
    return new RdsReplicaPromotion(rds, new RdsPromotionSettings(REPLICA, maxWait, Duration.ofMillis(20), 7),
        Clock.systemUTC());
  }

  private RecordingHttpServer.Received take() {
    try {
      return aws.take();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String describe(String status, String source, String replication, boolean normal) {
    String sourceElement = source == null
        ? ""
        : "<ReadReplicaSourceDBInstanceIdentifier>" + source + "</ReadReplicaSourceDBInstanceIdentifier>";
    String statusInfos = replication == null ? "" : """
        <StatusInfos><DBInstanceStatusInfo><StatusType>read replication</StatusType><Normal>%s</Normal>\
        <Status>%s</Status></DBInstanceStatusInfo></StatusInfos>""".formatted(normal, replication);
    return """
        <DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
          <DescribeDBInstancesResult>
            <DBInstances>
              <DBInstance>
                <DBInstanceIdentifier>%s</DBInstanceIdentifier>
                <DBInstanceStatus>%s</DBInstanceStatus>
                <Engine>postgres</Engine>
                %s
                %s
              </DBInstance>
            </DBInstances>
          </DescribeDBInstancesResult>
          <ResponseMetadata><RequestId>req-describe</RequestId></ResponseMetadata>
        </DescribeDBInstancesResponse>""".formatted(REPLICA, status, sourceElement, statusInfos);
  }

  private static String promoteResponse() {
    return """
        <PromoteReadReplicaResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
          <PromoteReadReplicaResult>
            <DBInstance>
              <DBInstanceIdentifier>%s</DBInstanceIdentifier>
              <DBInstanceStatus>modifying</DBInstanceStatus>
              <ReadReplicaSourceDBInstanceIdentifier>%s</ReadReplicaSourceDBInstanceIdentifier>
            </DBInstance>
          </PromoteReadReplicaResult>
          <ResponseMetadata><RequestId>req-promote</RequestId></ResponseMetadata>
        </PromoteReadReplicaResponse>""".formatted(REPLICA, SOURCE);
  }
}
