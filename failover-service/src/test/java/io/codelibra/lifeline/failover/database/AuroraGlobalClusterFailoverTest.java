package io.codelibra.lifeline.failover.database;

import static io.codelibra.lifeline.failover.routing.AwsTestEndpoint.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.failover.database.AuroraGlobalClusterSettings.Mode;
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

class AuroraGlobalClusterFailoverTest {

  private static final String GLOBAL = "lifeline-global";
  private static final String PRIMARY = "arn:aws:rds:us-east-1:123456789012:cluster:lifeline-us-east-1";
  private static final String SECONDARY = "arn:aws:rds:us-west-2:123456789012:cluster:lifeline-us-west-2";
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
  void failsOverWithDataLossAllowedAndWaitsUntilTheSecondaryWrites() {
    aws.thenAnswer(200, describe("available", null, PRIMARY, "connected"), XML)
        .thenAnswer(200, move("FailoverGlobalCluster"), XML)
        .thenAnswer(200, describe("failing-over", "failing-over", PRIMARY, "connected"), XML)
        // Roles already swapped but the failover state not yet cleared: not done.
        .thenAnswer(200, describe("failing-over", "failing-over", SECONDARY, "connected"), XML)
        .thenAnswer(200, describe("available", null, SECONDARY, "connected"), XML);

    PromotionResult result = failover(Mode.UNPLANNED_FAILOVER, Duration.ofSeconds(10)).promote();

    assertThat(result.changed()).isTrue();
    assertThat(result.database()).isEqualTo(SECONDARY);
    assertThat(result.verified()).isEqualTo(GLOBAL + " available, writer " + SECONDARY);
    assertThat(result.steps()).extracting(ExecutedStep::name).containsExactly(
        "aurora-describe-global-cluster", "aurora-failover-global-cluster", "aurora-wait-writer");
    assertThat(result.steps()).extracting(ExecutedStep::outcome).containsOnly(ExecutedStep.Outcome.SUCCEEDED);

    RecordingHttpServer.Received describe = take();
    assertThat(describe.method()).isEqualTo("POST");
    assertThat(describe.path()).isEqualTo("/");
    assertThat(form(describe.text())).isEqualTo(Map.of(
        "Action", "DescribeGlobalClusters", "Version", "2014-10-31", "GlobalClusterIdentifier", GLOBAL));
    RecordingHttpServer.Received failover = take();
    assertThat(failover.header("Authorization")).contains("/us-west-2/rds/aws4_request");
    assertThat(form(failover.text())).isEqualTo(Map.of(
        "Action", "FailoverGlobalCluster", "Version", "2014-10-31", "GlobalClusterIdentifier", GLOBAL,
        "TargetDbClusterIdentifier", SECONDARY, "AllowDataLoss", "true"));
    for (int poll = 0; poll < 3; poll++) {
      assertThat(form(take().text())).isEqualTo(Map.of(
          "Action", "DescribeGlobalClusters", "Version", "2014-10-31", "GlobalClusterIdentifier", GLOBAL));
    }
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void plannedSwitchoverUsesSwitchoverGlobalCluster() {
    aws.thenAnswer(200, describe("available", null, PRIMARY, "connected"), XML)
        .thenAnswer(200, move("SwitchoverGlobalCluster"), XML)
        .thenAnswer(200, describe("available", null, SECONDARY, "connected"), XML);

    PromotionResult result = failover(Mode.PLANNED_SWITCHOVER, Duration.ofSeconds(10)).promote();

    assertThat(result.steps()).extracting(ExecutedStep::name).containsExactly(
        "aurora-describe-global-cluster", "aurora-switchover-global-cluster", "aurora-wait-writer");
    take();
    assertThat(form(take().text())).isEqualTo(Map.of(
        "Action", "SwitchoverGlobalCluster", "Version", "2014-10-31", "GlobalClusterIdentifier", GLOBAL,
        "TargetDbClusterIdentifier", SECONDARY));
  }

  @Test
  void isReadyWhenTheSecondaryIsAConnectedReader() {
    aws.thenAnswer(200, describe("available", null, PRIMARY, "connected"), XML);

    DatabaseReadiness readiness = failover(Mode.UNPLANNED_FAILOVER, Duration.ofSeconds(10)).check();

    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.reasons()).isEmpty();
    assertThat(readiness.steps()).singleElement().extracting(ExecutedStep::detail)
        .isEqualTo(GLOBAL + " available, writer " + PRIMARY);
  }

  @Test
  void isNotReadyWhenTheSecondaryNeedsResync() {
    aws.thenAnswer(200, describe("available", null, PRIMARY, "pending-resync"), XML);

    DatabaseReadiness readiness = failover(Mode.UNPLANNED_FAILOVER, Duration.ofSeconds(10)).check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reasons()).singleElement().asString().contains("pending-resync");
  }

  @Test
  void isNotReadyWhenTheSecondaryIsNotAMember() {
    aws.thenAnswer(200, describe("available", null, PRIMARY, "connected")
        .replace(SECONDARY, "arn:aws:rds:eu-west-1:123456789012:cluster:other"), XML);

    DatabaseReadiness readiness = failover(Mode.UNPLANNED_FAILOVER, Duration.ofSeconds(10)).check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reasons()).singleElement().asString().contains("not a member");
  }

  @Test
  void isNotReadyWhenTheGlobalClusterDoesNotExist() {
    aws.thenAnswer(404, """
        <ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type>\
        <Code>GlobalClusterNotFoundFault</Code><Message>Global cluster lifeline-global not found.</Message></Error>\
        <RequestId>req-1</RequestId></ErrorResponse>""", XML);

    DatabaseReadiness readiness = failover(Mode.UNPLANNED_FAILOVER, Duration.ofSeconds(10)).check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reasons()).singleElement().asString().contains("not found");
  }

  @Test
  void refusesToFailOverWhileAnotherFailoverRuns() {
    aws.thenAnswer(200, describe("failing-over", "failing-over", PRIMARY, "connected"), XML);

    assertThatThrownBy(() -> failover(Mode.UNPLANNED_FAILOVER, Duration.ofSeconds(10)).promote())
        .isInstanceOfSatisfying(FailoverStepException.class, e -> {
          assertThat(e.getMessage()).contains("not ready").contains("in progress");
          assertThat(e.steps()).extracting(ExecutedStep::name).containsExactly("aurora-describe-global-cluster");
        });
    assertThat(aws.requestCount()).isEqualTo(1);
  }

  @Test
  void changesNothingWhenTheSecondaryAlreadyWrites() {
    aws.thenAnswer(200, describe("available", null, SECONDARY, "connected"), XML);

    PromotionResult result = failover(Mode.UNPLANNED_FAILOVER, Duration.ofSeconds(10)).promote();

    assertThat(result.changed()).isFalse();
    assertThat(result.steps().getLast().outcome()).isEqualTo(ExecutedStep.Outcome.SKIPPED);
    assertThat(aws.requestCount()).isEqualTo(1);
  }

  @Test
  void timesOutWhenTheSecondaryDoesNotBecomeTheWriterInTime() {
    aws.thenAnswer(200, describe("available", null, PRIMARY, "connected"), XML)
        .thenAnswer(200, move("FailoverGlobalCluster"), XML)
        .otherwiseAnswer(200, describe("failing-over", "failing-over", PRIMARY, "connected"));

    assertThatThrownBy(() -> failover(Mode.UNPLANNED_FAILOVER, Duration.ofMillis(300)).promote())
        .isInstanceOfSatisfying(FailoverStepException.class, e -> {
          ExecutedStep last = e.steps().getLast();
          assertThat(last.name()).isEqualTo("aurora-wait-writer");
          assertThat(last.outcome()).isEqualTo(ExecutedStep.Outcome.TIMED_OUT);
        });
  }

  private AuroraGlobalClusterFailover failover(Mode mode, Duration maxWait) {
    return new AuroraGlobalClusterFailover(rds,
        new AuroraGlobalClusterSettings(GLOBAL, SECONDARY, mode, maxWait, Duration.ofMillis(20)), Clock.systemUTC());
  }

  private RecordingHttpServer.Received take() {
    try {
      return aws.take();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static String describe(String status, String failoverStatus, String writer, String secondarySync) {
    String failoverState = failoverStatus == null ? "" : """
        <FailoverState><Status>%s</Status><FromDbClusterArn>%s</FromDbClusterArn>\
        <ToDbClusterArn>%s</ToDbClusterArn><IsDataLossAllowed>true</IsDataLossAllowed></FailoverState>"""
        .formatted(failoverStatus, PRIMARY, SECONDARY);
    return """
        <DescribeGlobalClustersResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
          <DescribeGlobalClustersResult>
            <GlobalClusters>
              <GlobalClusterMember>
                <GlobalClusterIdentifier>%s</GlobalClusterIdentifier>
                <Status>%s</Status>
                <Engine>aurora-postgresql</Engine>
                %s
                <GlobalClusterMembers>
                  %s
                  %s
                </GlobalClusterMembers>
              </GlobalClusterMember>
            </GlobalClusters>
          </DescribeGlobalClustersResult>
          <ResponseMetadata><RequestId>req-describe</RequestId></ResponseMetadata>
        </DescribeGlobalClustersResponse>""".formatted(GLOBAL, status, failoverState,
        member(PRIMARY, PRIMARY.equals(writer), "connected"), member(SECONDARY, SECONDARY.equals(writer), secondarySync));
  }

  private static String member(String arn, boolean writer, String synchronization) {
    return """
        <GlobalClusterMember><DBClusterArn>%s</DBClusterArn><IsWriter>%s</IsWriter>\
        <SynchronizationStatus>%s</SynchronizationStatus></GlobalClusterMember>""".formatted(arn, writer, synchronization);
  }

  private static String move(String action) {
    return """
        <%1$sResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
          <%1$sResult>
            <GlobalCluster>
              <GlobalClusterIdentifier>%2$s</GlobalClusterIdentifier>
              <Status>failing-over</Status>
            </GlobalCluster>
          </%1$sResult>
          <ResponseMetadata><RequestId>req-move</RequestId></ResponseMetadata>
        </%1$sResponse>""".formatted(action, GLOBAL);
  }
}
