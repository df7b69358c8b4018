package io.codelibra.lifeline.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.codelibra.lifeline.deploy.cli.FakeFailoverService.Received;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DrillFollowingTest {

  private static final String STARTED = """
      {"drillId":"d-7","regionPair":"us-east-1/us-west-2","mode":"live","status":"running","reason":"monthly drill",
       "requestedBy":"ana@example.com","requestedAt":"2026-03-02T10:00:00Z","endedAt":null,
       "checklist":[{"phase":"pre","item":"Notify all stakeholders","outcome":"succeeded","detail":"posted to #ops",
                     "recordedBy":"failover-service","recordedAt":"2026-03-02T10:00:00.200Z"}],
       "timeline":[{"at":"2026-03-02T10:00:00Z","what":"drill started"}],
       "report":null}
      """;
  private static final String FAILING_OVER = """
      {"drillId":"d-7","regionPair":"us-east-1/us-west-2","mode":"live","status":"running","reason":"monthly drill",
       "requestedBy":"ana@example.com","requestedAt":"2026-03-02T10:00:00Z","endedAt":null,
       "checklist":[{"phase":"pre","item":"Notify all stakeholders","outcome":"succeeded","detail":"posted to #ops",
                     "recordedBy":"failover-service","recordedAt":"2026-03-02T10:00:00.200Z"},
                    {"phase":"pre","item":"Prepare runbooks","outcome":"skipped","detail":null,
                     "recordedBy":"failover-service","recordedAt":"2026-03-02T10:00:01Z"}],
       "timeline":[{"at":"2026-03-02T10:00:00Z","what":"drill started"},
                   {"at":"2026-03-02T10:00:01.500Z","what":"failover requested at epoch 5"}],
       "report":null}
      """;
  private static final String SUCCEEDED = """
      {"drillId":"d-7","regionPair":"us-east-1/us-west-2","mode":"live","status":"succeeded","reason":"monthly drill",
       "requestedBy":"ana@example.com","requestedAt":"2026-03-02T10:00:00Z","endedAt":"2026-03-02T10:00:20Z",
       "checklist":[{"phase":"pre","item":"Notify all stakeholders","outcome":"succeeded","detail":"posted to #ops",
                     "recordedBy":"failover-service","recordedAt":"2026-03-02T10:00:00.200Z"},
                    {"phase":"pre","item":"Prepare runbooks","outcome":"skipped","detail":null,
                     "recordedBy":"failover-service","recordedAt":"2026-03-02T10:00:01Z"},
                    {"phase":"during","item":"Execute failover procedure","outcome":"succeeded","detail":"fo-9 completed",
                     "recordedBy":"failover-service","recordedAt":"2026-03-02T10:00:13Z"}],
       "timeline":[{"at":"2026-03-02T10:00:00Z","what":"drill started"},
                   {"at":"2026-03-02T10:00:01.500Z","what":"failover requested at epoch 5"},
                   {"at":"2026-03-02T10:00:12.300Z","what":"routing flipped to us-west-2"}],
       "report":{"failoverId":"fo-9","detectionMs":1200,"decisionMs":40,"routingFlipMs":10800,"databasePromotionMs":null,
                 "verificationMs":650,"totalMs":12690,"activeRegion":"us-east-1","error":null}}
      """;
  private static final String FAILED = """
      {"drillId":"d-8","regionPair":"us-east-1/us-west-2","mode":"dry-run","status":"failed","reason":null,
       "requestedBy":"ana@example.com","requestedAt":"2026-03-02T11:00:00Z","endedAt":"2026-03-02T11:00:03Z",
       "checklist":[{"phase":"pre","item":"Confirm DR environment is ready","outcome":"failed",
                     "detail":"us-west-2 is UNHEALTHY","recordedBy":"failover-service","recordedAt":"2026-03-02T11:00:02Z"}],
       "timeline":[{"at":"2026-03-02T11:00:00Z","what":"drill started"}],
       "report":{"failoverId":null,"detectionMs":null,"decisionMs":null,"routingFlipMs":null,"databasePromotionMs":null,
                 "verificationMs":null,"totalMs":null,"activeRegion":"us-east-1","error":"the secondary is not healthy"}}
      """;

  private final FakeFailoverService service = new FakeFailoverService();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void stopService() {
    service.close();
  }

  @Test
  void followsALiveDrillFromRunningToSucceededPrintingEachLineOnceThenTheReport() throws Exception {
    service.answer("POST", "/api/v1/drills", 202, STARTED, Map.of("Location", "/api/v1/drills/d-7"))
        .answer("GET", "/api/v1/drills/d-7", 200, FAILING_OVER)
        .answer("GET", "/api/v1/drills/d-7", 200, FAILING_OVER)
        .answer("GET", "/api/v1/drills/d-7", 200, SUCCEEDED);

    int exit = cli().run(List.of("drill", "--reason", "monthly drill", "--as", "ana@example.com"));

    assertThat(exit).isZero();
    assertThat(lines()).containsExactly(
        "drill d-7 started: live on us-east-1/us-west-2, then rollback (monthly drill)",
        "+0.0s  drill started",
        "[pre] ✓ Notify all stakeholders — posted to #ops",
        "[pre] – Prepare runbooks",
        "+1.5s  failover requested at epoch 5",
        "+12.3s  routing flipped to us-west-2",
        "[during] ✓ Execute failover procedure — fo-9 completed",
        "report",
        "  failover            fo-9",
        "  detection           1200 ms",
        "  decision            40 ms",
        "  routing flip        10800 ms",
        "  database promotion  -",
        "  verification        650 ms",
        "  total               12690 ms",
        "  active region       us-east-1",
        "verdict: drill d-7 succeeded");
    Received start = service.received("POST", "/api/v1/drills").get(0);
    assertThat(start.header("Authorization")).isEqualTo("Bearer drill-key");
    assertThat(start.header("From")).isEqualTo("ana@example.com");
    assertThat(json.readTree(start.body()))
        .isEqualTo(json.readTree("{\"mode\":\"live\",\"reason\":\"monthly drill\",\"rollback\":true}"));
    assertThat(service.received("GET", "/api/v1/drills/d-7")).hasSize(3);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-02T10:00:03Z"));
  }

  @Test
  void aFailedDrillPrintsItsMarksReportAndVerdictAndExitsOne() throws Exception {
    service.answer("POST", "/api/v1/drills", 202, FAILED.replace("\"failed\",\"reason\"", "\"running\",\"reason\""))
        .answer("GET", "/api/v1/drills/d-8", 200, FAILED);

    int exit = cli().run(List.of("drill", "--dry-run", "--no-rollback"));

    assertThat(exit).isEqualTo(ExitCode.REFUSED);
    assertThat(lines()).contains(
        "drill d-8 started: dry-run on us-east-1/us-west-2, no rollback",
        "[pre] ✗ Confirm DR environment is ready — us-west-2 is UNHEALTHY",
        "  detection           -",
        "  error               the secondary is not healthy",
        "verdict: drill d-8 failed (1 checklist item failed)");
    assertThat(json.readTree(service.received("POST", "/api/v1/drills").get(0).body()))
        .isEqualTo(json.readTree("{\"mode\":\"dry-run\",\"rollback\":false}"));
  }

  @Test
  void aDrillAlreadyRunningIsRefusedWithTheProblemsDetail() {
    service.answer("POST", "/api/v1/drills", 409, """
        {"title":"Drill already running","status":409,"detail":"drill d-7 is still running"}
        """);

    int exit = cli().run(List.of("drill"));

    assertThat(exit).isEqualTo(ExitCode.REFUSED);
    assertThat(lines()).containsExactly("drill refused (HTTP 409): drill d-7 is still running");
    assertThat(service.received("GET", "/api/v1/drills/d-7")).isEmpty();
  }

  @Test
  void givesUpFollowingAfterTheTimeoutWhileTheDrillStillRuns() {
    service.answer("POST", "/api/v1/drills", 202, STARTED).answer("GET", "/api/v1/drills/d-7", 200, STARTED);

    int exit = cli().run(List.of("drill", "--timeout", "5"));

    assertThat(exit).isEqualTo(ExitCode.REFUSED);
    assertThat(service.received("GET", "/api/v1/drills/d-7")).hasSize(5);
    assertThat(lines()).last().asString()
        .isEqualTo("verdict: drill d-7 still running after 5 s; stopped following it (it goes on in failover-service)");
    assertThat(lines()).filteredOn(line -> line.contains("drill started")).hasSize(1);
  }

  @Test
  void keepsPollingThroughABriefOutageOfTheService() {
    service.answer("POST", "/api/v1/drills", 202, STARTED)
        .answer("GET", "/api/v1/drills/d-7", 503, "{\"title\":\"Service Unavailable\"}")
        .answer("GET", "/api/v1/drills/d-7", 503, "{\"title\":\"Service Unavailable\"}")
        .answer("GET", "/api/v1/drills/d-7", 200, SUCCEEDED);

    int exit = cli().run(List.of("drill"));

    assertThat(exit).isZero();
    assertThat(lines()).filteredOn(line -> line.contains("still polling"))
        .containsExactly("failover-service answers HTTP 503: Service Unavailable; still polling");
    assertThat(lines()).last().asString().isEqualTo("verdict: drill d-7 succeeded");
  }

  @Test
  void printsAsciiMarksWhenTheOutputCannotShowTicks() {
    service.answer("POST", "/api/v1/drills", 202, SUCCEEDED.replace("\"succeeded\",\"reason\"", "\"running\",\"reason\""))
        .answer("GET", "/api/v1/drills/d-7", 200, SUCCEEDED);

    int exit = new FailoverCli(Map.of("LIFELINE_FAILOVER_URL", service.url(), "LIFELINE_API_KEY", "k"), () -> "unused",
        new PrintStream(printed, true, StandardCharsets.US_ASCII), clock, clock::advance, Duration.ofSeconds(1))
        .run(List.of("drill"));

    assertThat(exit).isZero();
    assertThat(lines()).contains("[pre] + Notify all stakeholders - posted to #ops", "[pre] - Prepare runbooks");
  }

  private FailoverCli cli() {
    return new FailoverCli(Map.of("LIFELINE_FAILOVER_URL", service.url()), () -> "drill-key",
        new PrintStream(printed, true, StandardCharsets.UTF_8), clock, clock::advance, Duration.ofSeconds(1));
  }

  private List<String> lines() {
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  /** A clock that moves only when the follower pauses: polls without sleeping. */
  private static final class MovingClock implements InstantSource {

    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
