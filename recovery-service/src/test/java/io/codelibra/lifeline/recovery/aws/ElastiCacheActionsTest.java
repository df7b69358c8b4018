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

class ElastiCacheActionsTest {

  private static final String NS = "http://elasticache.amazonaws.com/doc/2015-02-02/";
  private static final String GROUP = "sessions";

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
  void failsOverTheNodeGroupAndReportsThePrimaryBeforeAndAfter() {
    aws.thenAnswer(describe("available", "sessions-001"))
        .thenAnswer(response("TestFailover", group("modifying", "sessions-001")))
        // Still the old primary and available: the failover has not started yet, so the wait goes on.
        .thenAnswer(describe("available", "sessions-001"))
        .thenAnswer(describe("modifying", "sessions-002"))
        .thenAnswer(describe("available", "sessions-002"));

    ActionResult result = new TestElastiCacheFailoverAction(context).execute(call(Map.of("replication-group", GROUP)));

    assertThat(result.outputs()).isEqualTo(Map.of("primary-before", "sessions-001", "primary-after", "sessions-002"));
    AwsTestEndpoint.Received describe = aws.take();
    assertThat(describe.header("Authorization")).contains("/us-west-2/elasticache/aws4_request");
    assertThat(describe.form()).isEqualTo(Map.of(
        "Action", "DescribeReplicationGroups", "Version", "2015-02-02", "ReplicationGroupId", GROUP));
    assertThat(aws.take().form()).isEqualTo(Map.of(
        "Action", "TestFailover", "Version", "2015-02-02", "ReplicationGroupId", GROUP, "NodeGroupId", "0001"));
    for (int poll = 0; poll < 3; poll++) {
      assertThat(aws.take().form()).containsEntry("Action", "DescribeReplicationGroups");
    }
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void aGroupAlreadyChangingIsWaitedForNotFailedOverAgain() {
    aws.thenAnswer(describe("modifying", "sessions-001"))
        .thenAnswer(describe("available", "sessions-002"));

    ActionResult result = new TestElastiCacheFailoverAction(context).execute(call(Map.of("replication-group", GROUP)));

    assertThat(result.outputs()).containsEntry("primary-after", "sessions-002");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeReplicationGroups");
    assertThat(aws.take().form()).containsEntry("Action", "DescribeReplicationGroups");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void describesAnAvailableGroup() {
    aws.thenAnswer(describe("available", "sessions-001"));

    ActionResult result = new DescribeReplicationGroupAction(context).execute(call(Map.of(
        "replication-group", GROUP)));

    assertThat(result.outputs()).isEqualTo(Map.of(
        "status", "available",
        "primary-endpoint", "sessions.abc123.ng.0001.usw2.cache.amazonaws.com:6379",
        "multi-az", "enabled",
        "automatic-failover", "enabled"));
  }

  @Test
  void aGroupThatIsNotAvailableFailsTheCheckRetryably() {
    aws.thenAnswer(describe("modifying", "sessions-001"));

    assertThatThrownBy(() -> new DescribeReplicationGroupAction(context).execute(call(Map.of(
        "replication-group", GROUP))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("modifying");
        });
  }

  @Test
  void anUnknownGroupFailsForGood() {
    aws.thenAnswer(404, """
        <ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>ReplicationGroupNotFoundFault</Code>\
        <Message>ReplicationGroup sessions not found.</Message></Error><RequestId>req-1</RequestId></ErrorResponse>\
        """.formatted(NS));

    assertThatThrownBy(() -> new DescribeReplicationGroupAction(context).execute(call(Map.of(
        "replication-group", GROUP))))
        .isInstanceOfSatisfying(ActionFailedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("ReplicationGroupNotFoundFault");
        });
  }

  private static String describe(String status, String primary) {
    return response("DescribeReplicationGroups",
        "<ReplicationGroups>" + group(status, primary) + "</ReplicationGroups>");
  }

  private static String group(String status, String primary) {
    String replica = primary.equals("sessions-001") ? "sessions-002" : "sessions-001";
    return """
        <ReplicationGroup>
          <ReplicationGroupId>sessions</ReplicationGroupId>
          <Status>%s</Status>
          <MultiAZ>enabled</MultiAZ>
          <AutomaticFailover>enabled</AutomaticFailover>
          <NodeGroups>
            <NodeGroup>
              <NodeGroupId>0001</NodeGroupId>
              <Status>%s</Status>
              <PrimaryEndpoint><Address>sessions.abc123.ng.0001.usw2.cache.amazonaws.com</Address><Port>6379</Port></PrimaryEndpoint>
              <NodeGroupMembers>
                <NodeGroupMember><CacheClusterId>%s</CacheClusterId><CacheNodeId>0001</CacheNodeId><CurrentRole>primary</CurrentRole></NodeGroupMember>
                <NodeGroupMember><CacheClusterId>%s</CacheClusterId><CacheNodeId>0001</CacheNodeId><CurrentRole>replica</CurrentRole></NodeGroupMember>
              </NodeGroupMembers>
            </NodeGroup>
          </NodeGroups>
        </ReplicationGroup>""".formatted(status, status, primary, replica);
  }

  private static String response(String action, String body) {
    return """
        <%1$sResponse xmlns="%2$s">
          <%1$sResult>%3$s</%1$sResult>
          <ResponseMetadata><RequestId>req-%1$s</RequestId></ResponseMetadata>
        </%1$sResponse>""".formatted(action, NS, body);
  }
}
