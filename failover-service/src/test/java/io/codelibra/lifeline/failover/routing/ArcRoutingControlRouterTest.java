package io.codelibra.lifeline.failover.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;

class ArcRoutingControlRouterTest {

  private static final String EAST = "arn:aws:route53-recovery-control::123456789012:controlpanel/abc/routingcontrol/east";
  private static final String WEST = "arn:aws:route53-recovery-control::123456789012:controlpanel/abc/routingcontrol/west";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/x-amz-json-1.0");

  private RecordingHttpServer clusterEndpoint;
  private RecordingHttpServer downEndpoint;
  private Route53RecoveryClusterClient client;
  private Route53RecoveryClusterClient downClient;
  private ArcRoutingSettings settings;

  @BeforeEach
  void start() throws Exception {
    clusterEndpoint = RecordingHttpServer.start();
    downEndpoint = RecordingHttpServer.start();
    client = AwsTestEndpoint.client(Route53RecoveryClusterClient.builder(), clusterEndpoint, Region.US_WEST_2);
    downClient = AwsTestEndpoint.client(Route53RecoveryClusterClient.builder(), downEndpoint, Region.US_EAST_1);
    Map<String, String> controls = new LinkedHashMap<>();
    controls.put("us-east-1", EAST);
    controls.put("us-west-2", WEST);
    settings = new ArcRoutingSettings(controls);
  }

  @AfterEach
  void stop() {
    client.close();
    downClient.close();
    clusterEndpoint.close();
    downEndpoint.close();
  }

  @Test
  void turnsTheSecondaryOnAndThePrimaryOffInOneCallThenReadsBothBack() throws Exception {
    clusterEndpoint.thenAnswer(200, state(EAST, "On"), JSON)
        .thenAnswer(200, state(WEST, "Off"), JSON)
        .thenAnswer(200, "{}", JSON)
        .thenAnswer(200, state(EAST, "Off"), JSON)
        .thenAnswer(200, state(WEST, "On"), JSON);
    ArcRoutingControlRouter router = new ArcRoutingControlRouter(List.of(client), settings, Clock.systemUTC());

    RoutingChange change = router.routeTo("us-west-2");

    assertThat(change.fromRegion()).isEqualTo("us-east-1");
    assertThat(change.changed()).isTrue();
    assertThat(change.verified().activeRegion()).isEqualTo("us-west-2");
    assertThat(change.steps()).extracting(ExecutedStep::name).containsExactly("arc-read-routing-controls",
        "arc-update-routing-control-states", "arc-verify-routing-controls");

    assertGetState(clusterEndpoint.take(), EAST);
    assertGetState(clusterEndpoint.take(), WEST);
    RecordingHttpServer.Received update = clusterEndpoint.take();
    assertThat(update.method()).isEqualTo("POST");
    assertThat(update.path()).isEqualTo("/");
    assertThat(update.header("X-Amz-Target")).isEqualTo("ToggleCustomerAPI.UpdateRoutingControlStates");
    assertThat(update.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
    assertThat(update.header("Authorization")).contains("/us-west-2/route53-recovery-cluster/aws4_request");
    String body = update.text();
    assertThat(JsonPath.<List<?>>read(body, "$.UpdateRoutingControlStateEntries")).hasSize(2);
    assertThat(JsonPath.<String>read(body, "$.UpdateRoutingControlStateEntries[0].RoutingControlArn")).isEqualTo(EAST);
    assertThat(JsonPath.<String>read(body, "$.UpdateRoutingControlStateEntries[0].RoutingControlState")).isEqualTo("Off");
    assertThat(JsonPath.<String>read(body, "$.UpdateRoutingControlStateEntries[1].RoutingControlArn")).isEqualTo(WEST);
    assertThat(JsonPath.<String>read(body, "$.UpdateRoutingControlStateEntries[1].RoutingControlState")).isEqualTo("On");
    assertGetState(clusterEndpoint.take(), EAST);
    assertGetState(clusterEndpoint.take(), WEST);
  }

  @Test
  void triesTheNextClusterEndpointWhenOneIsDown() {
    downEndpoint.otherwiseAnswer(503, "{\"__type\":\"EndpointTemporarilyUnavailableException\",\"message\":\"down\"}");
    clusterEndpoint.thenAnswer(200, state(EAST, "Off"), JSON).thenAnswer(200, state(WEST, "On"), JSON);
    ArcRoutingControlRouter router = new ArcRoutingControlRouter(List.of(downClient, client), settings,
        Clock.systemUTC());

    assertThat(router.current().activeRegion()).isEqualTo("us-west-2");
    assertThat(downEndpoint.requestCount()).isEqualTo(2);
  }

  @Test
  void doesNotRetryARequestTheSafetyRulesRefused() {
    clusterEndpoint.thenAnswer(200, state(EAST, "On"), JSON)
        .thenAnswer(200, state(WEST, "Off"), JSON)
        .thenAnswer(409, "{\"__type\":\"ConflictException\",\"message\":\"safety rule violated\",\"resourceId\":\"x\","
            + "\"resourceType\":\"routingcontrol\"}", JSON);
    ArcRoutingControlRouter router = new ArcRoutingControlRouter(List.of(client, downClient), settings,
        Clock.systemUTC());

    assertThatThrownBy(() -> router.routeTo("us-west-2"))
        .isInstanceOfSatisfying(FailoverStepException.class, e -> {
          assertThat(e.steps().getLast().name()).isEqualTo("arc-update-routing-control-states");
          assertThat(e.steps().getLast().outcome()).isEqualTo(ExecutedStep.Outcome.FAILED);
          assertThat(e.getMessage()).contains("safety rule violated");
        });
    assertThat(downEndpoint.requestCount()).isZero();
  }

  @Test
  void changesNothingWhenTheTargetIsAlreadyTheOnlyControlOn() {
    clusterEndpoint.thenAnswer(200, state(EAST, "Off"), JSON).thenAnswer(200, state(WEST, "On"), JSON);
    ArcRoutingControlRouter router = new ArcRoutingControlRouter(List.of(client), settings, Clock.systemUTC());

    RoutingChange change = router.routeTo("us-west-2");

    assertThat(change.changed()).isFalse();
    assertThat(change.steps().getLast().outcome()).isEqualTo(ExecutedStep.Outcome.SKIPPED);
  }

  private static void assertGetState(RecordingHttpServer.Received request, String arn) {
    assertThat(request.header("X-Amz-Target")).isEqualTo("ToggleCustomerAPI.GetRoutingControlState");
    assertThat(JsonPath.<String>read(request.text(), "$.RoutingControlArn")).isEqualTo(arn);
  }

  private static String state(String arn, String state) {
    return "{\"RoutingControlArn\":\"" + arn + "\",\"RoutingControlState\":\"" + state
        + "\",\"RoutingControlName\":\"" + arn.substring(arn.lastIndexOf('/') + 1) + "\"}";
  }
}
