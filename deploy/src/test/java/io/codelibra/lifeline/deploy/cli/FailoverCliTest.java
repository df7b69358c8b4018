package io.codelibra.lifeline.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codelibra.lifeline.deploy.cli.FakeFailoverService.Received;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailoverCliTest {

  private static final String PAIR = """
      {"regionPair":"us-east-1/us-west-2","primaryRegion":"us-east-1","secondaryRegion":"us-west-2",
       "phase":"FAILING_OVER","activeRegion":"us-east-1","epoch":4,"primaryHealth":"UNHEALTHY","secondaryHealth":"HEALTHY",
       "primaryUnhealthySince":"2026-03-02T10:15:00Z","primaryHealthySince":null,"restoredAt":null,"failbackApproved":false,
       "inFlight":{"failoverId":"fo-42","direction":"failover","epoch":5,"trigger":"manual","requestedAt":"2026-03-02T10:16:00Z"}}
      """;
  private static final String ACCEPTED = """
      {"request_id":"r-1","action":"failover","epoch":5,"status":"accepted","failover_id":"fo-42",
       "detail":"failing over to us-west-2"}
      """;
  private static final String REFUSED = """
      {"type":"about:blank","title":"Failover refused","status":409,
       "detail":"the secondary region us-west-2 is not healthy","request_id":"r-2"}
      """;

  private final FakeFailoverService service = new FakeFailoverService();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Map<String, String> environment = new HashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void stopService() {
    service.close();
  }

  @Test
  void statusPrintsPhaseActiveRegionEpochHealthAndTheRequestInFlight() {
    service.answer("GET", "/api/v1/region-pair", 200, PAIR);

    int exit = cli(() -> {
      throw new AssertionError("a read needs no key");
    }).run(List.of("status"));

    assertThat(exit).isZero();
    assertThat(output()).contains(
        "phase          FAILING_OVER",
        "active region  us-east-1",
        "epoch          4",
        "primary        us-east-1  UNHEALTHY  (unhealthy since 2026-03-02T10:15:00Z)",
        "secondary      us-west-2  HEALTHY",
        "failback       not approved",
        "in flight      failover fo-42  (epoch 5, manual, asked 2026-03-02T10:16:00Z)");
    assertThat(service.received()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.header("Authorization")).isNull();
    });
  }

  @Test
  void aManualFailoverCarriesTheKeyTheOperatorAndTheReasonAndExitsZeroWhenAccepted() throws Exception {
    service.answer("POST", "/api/v1/region-pair/failover", 202, ACCEPTED);
    environment.put("LIFELINE_API_KEY", "k-from-env");

    int exit = cli().run(List.of("request", "--reason", "us-east-1 is down", "--dry-run", "--as", "ana@example.com"));

    assertThat(exit).isZero();
    assertThat(output()).contains("dry-run failover accepted (epoch 5, failover fo-42): failing over to us-west-2");
    Received request = service.received("POST", "/api/v1/region-pair/failover").get(0);
    assertThat(request.header("Authorization")).isEqualTo("Bearer k-from-env");
    assertThat(request.header("From")).isEqualTo("ana@example.com");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(json.readTree(request.body())).isEqualTo(json.readTree("{\"reason\":\"us-east-1 is down\",\"dryRun\":true}"));
  }

  @Test
  void aRefusedRequestPrintsTheProblemsDetailAndExitsOne() {
    service.answer("POST", "/api/v1/region-pair/failover", 409, REFUSED);

    int exit = cli().run(List.of("request"));

    assertThat(exit).isEqualTo(ExitCode.REFUSED);
    assertThat(output()).contains("failover refused (HTTP 409): the secondary region us-west-2 is not healthy");
  }

  @Test
  void anUndecidedRequestIsPendingExitsZeroAndSaysWhereTheDecisionWillBe() {
    service.answer("POST", "/api/v1/region-pair/failback", 202, """
        {"request_id":"r-3","action":"failback","epoch":6,"status":"pending","decision":"/api/v1/region-pair/decisions/r-3"}
        """);

    int exit = cli().run(List.of("failback", "--reason", "primary healthy for an hour"));

    assertThat(exit).isZero();
    assertThat(output()).contains("failback pending (epoch 6)", service.url() + "/api/v1/region-pair/decisions/r-3");
  }

  @Test
  void approvalGoesToItsOwnPathWithTheLocalStacksKeyWhichIsNeverPrinted() throws Exception {
    service.answer("POST", "/api/v1/region-pair/failback/approval", 202, """
        {"request_id":"r-4","action":"approve_failback","epoch":7,"status":"accepted","detail":"failback approved"}
        """);
    environment.put("LIFELINE_OPERATOR", "oncall@example.com");

    int exit = cli(() -> "local-stack-key").run(List.of("approve"));

    assertThat(exit).isZero();
    Received request = service.received("POST", "/api/v1/region-pair/failback/approval").get(0);
    assertThat(request.header("Authorization")).isEqualTo("Bearer local-stack-key");
    assertThat(request.header("From")).isEqualTo("oncall@example.com");
    assertThat(json.readTree(request.body())).isEqualTo(json.createObjectNode());
    assertThat(output()).contains("failback approval accepted (epoch 7): failback approved").doesNotContain("local-stack-key");
  }

  @Test
  void aRefusedKeySaysWhichKeyWasSentButNotTheKey() {
    service.answer("POST", "/api/v1/region-pair/failover", 401, """
        {"title":"Unauthorized","status":401,"detail":"The API key presented is not valid for this service."}
        """);

    int exit = cli(() -> "stale-key").run(List.of("request"));

    assertThat(exit).isEqualTo(ExitCode.REFUSED);
    assertThat(output()).contains("not valid for this service", "the local stack's").doesNotContain("stale-key");
  }

  @Test
  void recordsAManualChecklistItemOnADrill() throws Exception {
    service.answer("POST", "/api/v1/drills/d-7/checklist", 202, "{}");

    int exit = cli().run(List.of("check", "d-7", "--phase", "post", "--item", "Document lessons learned",
        "--outcome", "succeeded", "--detail", "wiki/dr/2026-03"));

    assertThat(exit).isZero();
    Received request = service.received("POST", "/api/v1/drills/d-7/checklist").get(0);
    assertThat(request.header("From")).isNotBlank();
    assertThat(json.readTree(request.body())).isEqualTo(json.readTree("""
        {"phase":"post","item":"Document lessons learned","outcome":"succeeded","detail":"wiki/dr/2026-03"}
        """));
    assertThat(output()).contains("recorded on drill d-7: [post] Document lessons learned: succeeded");
  }

  @Test
  void anUnreachableServiceExitsThree() {
    String url = service.url();
    service.close();
    environment.put("LIFELINE_FAILOVER_URL", url);

    int exit = new FailoverCli(environment, () -> "key", new PrintStream(printed, true, StandardCharsets.UTF_8),
        InstantSource.system(), duration -> { }, Duration.ZERO).run(List.of("status"));

    assertThat(exit).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(output()).contains("failover-service does not answer at " + url + "/api/v1/region-pair");
  }

  @Test
  void usageErrorsExitTwoAndSendNothing() {
    List<List<String>> wrong = List.of(
        List.of(),
        List.of("promote"),
        List.of("request", "--force"),
        List.of("request", "--reason"),
        List.of("failback", "--dry-run"),
        List.of("drill", "--timeout", "soon"),
        List.of("check", "--phase", "post", "--item", "x", "--outcome", "succeeded"),
        List.of("check", "d-7", "--phase", "after", "--item", "x", "--outcome", "succeeded"),
        List.of("check", "d-7", "--phase", "post", "--outcome", "done"),
        List.of("status", "now"));

    for (List<String> args : wrong) {
      assertThat(cli().run(args)).as("%s", args).isEqualTo(ExitCode.USAGE);
    }
    assertThat(service.received()).isEmpty();
    assertThat(output()).contains("usage: ./lifeline failover status");
  }

  private FailoverCli cli() {
    return cli(() -> "local-key");
  }

  private FailoverCli cli(Supplier<String> localStackKey) {
    environment.putIfAbsent("LIFELINE_FAILOVER_URL", service.url());
    return new FailoverCli(environment, localStackKey, new PrintStream(printed, true, StandardCharsets.UTF_8),
        InstantSource.system(), duration -> { }, Duration.ZERO);
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
