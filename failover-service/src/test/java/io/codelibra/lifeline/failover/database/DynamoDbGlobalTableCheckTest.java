package io.codelibra.lifeline.failover.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.codelibra.lifeline.failover.routing.AwsTestEndpoint;
import io.codelibra.lifeline.failover.routing.ExecutedStep;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbGlobalTableCheckTest {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/x-amz-json-1.0");

  private RecordingHttpServer aws;
  private DynamoDbClient dynamoDb;
  private DynamoDbGlobalTableCheck check;

  @BeforeEach
  void start() throws Exception {
    aws = RecordingHttpServer.start();
    dynamoDb = AwsTestEndpoint.client(DynamoDbClient.builder(), aws, Region.US_WEST_2);
    check = new DynamoDbGlobalTableCheck(dynamoDb,
        new DynamoDbGlobalTableSettings(List.of("lifeline-incidents", "lifeline-sessions"), "us-west-2"),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    dynamoDb.close();
    aws.close();
  }

  @Test
  void isReadyWhenEverySecondaryReplicaIsActive() throws Exception {
    aws.thenAnswer(200, table("lifeline-incidents", "ACTIVE", "ACTIVE"), JSON)
        .thenAnswer(200, table("lifeline-sessions", "ACTIVE", "ACTIVE"), JSON);

    DatabaseReadiness readiness = check.check();

    assertThat(readiness.ready()).isTrue();
    assertThat(readiness.steps()).extracting(ExecutedStep::name)
        .containsExactly("dynamodb-describe-table-lifeline-incidents", "dynamodb-describe-table-lifeline-sessions");
    RecordingHttpServer.Received request = aws.take();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/");
    assertThat(request.header("X-Amz-Target")).isEqualTo("DynamoDB_20120810.DescribeTable");
    assertThat(request.header("Authorization")).contains("/us-west-2/dynamodb/aws4_request");
    assertThat(JsonPath.<Map<String, Object>>read(request.text(), "$")).isEqualTo(Map.of("TableName",
        "lifeline-incidents"));
    assertThat(JsonPath.<String>read(aws.take().text(), "$.TableName")).isEqualTo("lifeline-sessions");
  }

  @Test
  void isNotReadyWhileTheSecondaryReplicaIsUpdating() {
    aws.thenAnswer(200, table("lifeline-incidents", "ACTIVE", "ACTIVE"), JSON)
        .thenAnswer(200, table("lifeline-sessions", "ACTIVE", "UPDATING"), JSON);

    DatabaseReadiness readiness = check.check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reasons()).containsExactly("lifeline-sessions: replica in us-west-2 is UPDATING");
  }

  @Test
  void isNotReadyWithoutAReplicaInTheSecondaryRegion() {
    aws.thenAnswer(200, "{\"Table\":{\"TableName\":\"lifeline-incidents\",\"TableStatus\":\"ACTIVE\"}}", JSON)
        .thenAnswer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
            + "\"message\":\"Requested resource not found\"}", JSON);

    DatabaseReadiness readiness = check.check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.reasons()).containsExactly("lifeline-incidents: no replica in us-west-2",
        "lifeline-sessions: table not found");
  }

  @Test
  void combinesWithOtherChecks() {
    aws.thenAnswer(200, table("lifeline-incidents", "ACTIVE", "ACTIVE"), JSON)
        .thenAnswer(200, table("lifeline-sessions", "ACTIVE", "CREATING"), JSON);
    DatabaseReadiness ready = new DatabaseReadiness(true, List.of(), List.of());

    DatabaseReadiness all = DatabaseReadiness.allOf(List.of(ready, check.check()));

    assertThat(all.ready()).isFalse();
    assertThat(all.steps()).hasSize(2);
  }

  private static String table(String name, String tableStatus, String secondaryStatus) {
    return """
        {"Table":{"TableName":"%s","TableStatus":"%s","GlobalTableVersion":"2019.11.21",
          "Replicas":[{"RegionName":"us-east-1","ReplicaStatus":"ACTIVE"},
                      {"RegionName":"us-west-2","ReplicaStatus":"%s"}]}}""".formatted(name, tableStatus,
        secondaryStatus);
  }
}
