package io.codelibra.lifeline.failover.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.fis.FisClient;
import tools.jackson.databind.json.JsonMapper;

class FisExperimentFaultInjectionTest {

  private static final String TEMPLATE = "EXTeast1disrupt";
  private static final String LIST = "/experiments";

  private FisTestEndpoint aws;
  private FisClient fis;

  @BeforeEach
  void start() throws Exception {
    aws = FisTestEndpoint.start();
    fis = aws.client(Region.US_EAST_1);
  }

  @AfterEach
  void stop() {
    fis.close();
    aws.close();
  }

  @Test
  void injectsByStartingTheRegionsTemplateAndWaitsUntilTheExperimentRuns() {
    aws.thenAnswer(200, list())
        .thenAnswer(200, experiment("EXP1", "initiating"))
        .thenAnswer(200, experiment("EXP1", "initiating"))
        .thenAnswer(200, experiment("EXP1", "running"));

    FaultState state = injection(Duration.ofSeconds(5)).inject("us-east-1", "drill 42 by alice");

    assertThat(state).isEqualTo(new FaultState("us-east-1", true, "EXP1", "experiment EXP1 running (state reason)"));
    FisTestEndpoint.Received list = aws.take();
    assertThat(list.method()).isEqualTo("GET");
    assertThat(list.path()).isEqualTo(LIST);
    assertThat(list.query()).isEqualTo("experimentTemplateId=" + TEMPLATE);
    FisTestEndpoint.Received start = aws.take();
    assertThat(start.method()).isEqualTo("POST");
    assertThat(start.path()).isEqualTo("/experiments");
    assertThat(start.authorization()).contains("/us-east-1/fis/aws4_request");
    assertThat(JsonMapper.shared().readValue(start.body(), Map.class)).isEqualTo(Map.of(
        "clientToken", "token-1",
        "experimentTemplateId", TEMPLATE,
        "tags", Map.of("lifeline:reason", "drill 42 by alice", "lifeline:region", "us-east-1")));
    for (int poll = 0; poll < 2; poll++) {
      FisTestEndpoint.Received get = aws.take();
      assertThat(get.method()).isEqualTo("GET");
      assertThat(get.path()).isEqualTo("/experiments/EXP1");
    }
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void injectingWhileAnExperimentRunsStartsNoOther() {
    aws.thenAnswer(200, list(summary("EXP0", "running")))
        .thenAnswer(200, experiment("EXP0", "running"));

    FaultState state = injection(Duration.ofSeconds(5)).inject("us-east-1", "drill");

    assertThat(state.active()).isTrue();
    assertThat(state.handle()).isEqualTo("EXP0");
    assertThat(aws.take().path()).isEqualTo(LIST);
    FisTestEndpoint.Received get = aws.take();
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/experiments/EXP0");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void anExperimentThatEndsBeforeRunningIsAnError() {
    aws.thenAnswer(200, list())
        .thenAnswer(200, experiment("EXP1", "initiating"))
        .thenAnswer(200, experiment("EXP1", "failed"));

    assertThatThrownBy(() -> injection(Duration.ofSeconds(5)).inject("us-east-1", "drill"))
        .isInstanceOfSatisfying(FaultInjectionException.class, e -> {
          assertThat(e.region()).isEqualTo("us-east-1");
          assertThat(e.getMessage()).contains("EXP1").contains("did not run").contains("failed");
        });
  }

  @Test
  void givesUpWhenTheExperimentDoesNotRunInTime() {
    aws.thenAnswer(200, list())
        .thenAnswer(200, experiment("EXP1", "pending"))
        .otherwiseAnswer(200, experiment("EXP1", "initiating"));

    assertThatThrownBy(() -> injection(Duration.ofMillis(200)).inject("us-east-1", "drill"))
        .isInstanceOf(FaultInjectionException.class)
        .hasMessageContaining("EXP1 still initiating after PT0.2S");
  }

  @Test
  void clearStopsTheRunningExperimentAndWaitsUntilItStopped() {
    aws.thenAnswer(200, list(summary("EXP0", "completed"), summary("EXP1", "running")))
        .thenAnswer(200, experiment("EXP1", "stopping"))
        .thenAnswer(200, experiment("EXP1", "stopping"))
        .thenAnswer(200, experiment("EXP1", "stopped"));

    FaultState state = injection(Duration.ofSeconds(5)).clear("us-east-1");

    assertThat(state).isEqualTo(new FaultState("us-east-1", false, "EXP1", "experiment EXP1 stopped (state reason)"));
    FisTestEndpoint.Received list = aws.take();
    assertThat(list.path()).isEqualTo(LIST);
    assertThat(list.query()).isEqualTo("experimentTemplateId=" + TEMPLATE);
    FisTestEndpoint.Received stop = aws.take();
    assertThat(stop.method()).isEqualTo("DELETE");
    assertThat(stop.path()).isEqualTo("/experiments/EXP1");
    for (int poll = 0; poll < 2; poll++) {
      FisTestEndpoint.Received get = aws.take();
      assertThat(get.method()).isEqualTo("GET");
      assertThat(get.path()).isEqualTo("/experiments/EXP1");
    }
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void clearingWithNothingRunningChangesNothing() {
    aws.thenAnswer(200, list(summary("EXP0", "stopped")));

    FaultState state = injection(Duration.ofSeconds(5)).clear("us-east-1");

    assertThat(state).isEqualTo(new FaultState("us-east-1", false, null,
        "no experiment of template " + TEMPLATE + " running"));
    assertThat(aws.take().method()).isEqualTo("GET");
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void currentIsActiveOnlyWhileAnExperimentRuns() {
    aws.thenAnswer(200, list(summary("EXP0", "completed"), summary("EXP1", "running")))
        .thenAnswer(200, list(summary("EXP0", "completed"), summary("EXP2", "initiating")));
    FisExperimentFaultInjection injection = injection(Duration.ofSeconds(5));

    assertThat(injection.current("us-east-1")).isEqualTo(
        new FaultState("us-east-1", true, "EXP1", "experiment EXP1 running"));
    assertThat(injection.current("us-east-1").active()).isFalse();
  }

  @Test
  void aRegionWithoutTemplateIsAnErrorWithoutAnyCall() {
    assertThatThrownBy(() -> injection(Duration.ofSeconds(5)).inject("eu-west-1", "drill"))
        .isInstanceOfSatisfying(FaultInjectionException.class, e -> {
          assertThat(e.region()).isEqualTo("eu-west-1");
          assertThat(e.getMessage()).contains("eu-west-1").contains("us-east-1");
        });
    assertThat(aws.requestCount()).isZero();
  }

  @Test
  void aRefusedCallIsAnErrorWithItsStatus() {
    aws.thenAnswer(200, list())
        .thenAnswer(404, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Experiment template not found.\"}");

    assertThatThrownBy(() -> injection(Duration.ofSeconds(5)).inject("us-east-1", "drill"))
        .isInstanceOfSatisfying(FaultInjectionException.class, e -> {
          assertThat(e.httpStatus()).hasValue(404);
          assertThat(e.getMessage()).contains("us-east-1").contains("Experiment template not found");
        });
  }

  private FisExperimentFaultInjection injection(Duration maxWait) {
    return new FisExperimentFaultInjection(Map.of("us-east-1", fis),
        new FisFaultSettings(Map.of("us-east-1", TEMPLATE), maxWait, Duration.ofMillis(10)), Clock.systemUTC(),
        () -> "token-1");
  }

  private static String experiment(String id, String status) {
    return """
        {"experiment":{"id":"%s","arn":"arn:aws:fis:us-east-1:123456789012:experiment/%s",
        "experimentTemplateId":"%s","roleArn":"arn:aws:iam::123456789012:role/lifeline-fis",
        "state":{"status":"%s","reason":"state reason"},"tags":{"lifeline:region":"us-east-1"}}}"""
        .formatted(id, id, TEMPLATE, status);
  }

  private static String summary(String id, String status) {
    return """
        {"id":"%s","experimentTemplateId":"%s","state":{"status":"%s","reason":"state reason"}}"""
        .formatted(id, TEMPLATE, status);
  }

  private static String list(String... summaries) {
    return "{\"experiments\":[" + String.join(",", summaries) + "]}";
  }
}
