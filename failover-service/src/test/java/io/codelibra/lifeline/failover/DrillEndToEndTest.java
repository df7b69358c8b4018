package io.codelibra.lifeline.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.codelibra.lifeline.deploy.demo.DemoRegion;
import io.codelibra.lifeline.deploy.demo.WwwEntryPoint;
import io.codelibra.lifeline.events.DrillChecklistItemRecorded;
import io.codelibra.lifeline.events.DrillCompleted;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failover drills through the API on a real broker and registry, against real demo regions and a real {@code www}:
 * a dry run changes nothing and reports the pair's decision; a live drill breaks the primary through its fault switch,
 * watches Lifeline fail over, rolls back after its own approval, and reports every phase and checklist item, on the
 * API and as events on {@code failover.events}.
 */
@WithKafkaStack
class DrillEndToEndTest {

  private static final String PRIMARY = "drill-east";
  private static final String SECONDARY = "drill-west";
  private static final String PAIR = PRIMARY + "/" + SECONDARY;
  private static final String REGION_KEY = "drill-region-key";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.shared();

  @TempDir
  Path data;

  @Test
  void dryRunAndLiveDrillRunTheChecklistAndReportEachPhase(KafkaStack stack) throws Exception {
    Path east = Files.createDirectories(data.resolve("regions/" + PRIMARY));
    Files.createDirectories(data.resolve("regions/" + SECONDARY));
    Files.writeString(east.resolve("orders.jsonl"), "{\"order\":1}\n");
    Path routingFile = data.resolve("failover/active-region");
    try (DemoRegion primary = new DemoRegion(PRIMARY, 0, REGION_KEY).start();
        DemoRegion secondary = new DemoRegion(SECONDARY, 0, REGION_KEY).start();
        WwwEntryPoint www = new WwwEntryPoint(0, routingFile, PRIMARY, Map.of(
            PRIMARY, URI.create("http://127.0.0.1:" + primary.port() + "/"),
            SECONDARY, URI.create("http://127.0.0.1:" + secondary.port() + "/"))).start();
        ConfigurableApplicationContext service = start(primary, secondary, www, routingFile)) {
      String api = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(api + "/api/v1/region-pair").body())
          .contains("\"primaryHealth\":\"healthy\"", "\"secondaryHealth\":\"healthy\""));

      HttpResponse<String> anonymous = post(api + "/api/v1/drills", null, "{\"mode\":\"dry-run\"}");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      HttpResponse<String> badMode = post(api + "/api/v1/drills", KafkaStack.TEST_API_KEY, "{\"mode\":\"chaos\"}");
      assertThat(badMode.statusCode()).isEqualTo(400);
      assertThat(badMode.headers().firstValue("Content-Type")).hasValue("application/problem+json");

      JsonNode dryRun = finished(api, start(api, "{\"mode\":\"dry-run\",\"reason\":\"monthly failover drill\"}"));
      assertThat(dryRun.path("status").asString()).as(dryRun.toString()).isEqualTo("succeeded");
      assertThat(dryRun.path("checklist")).hasSize(15);
      assertThat(dryRun.path("report").path("decisionMs").isNumber()).isTrue();
      assertThat(dryRun.path("report").path("routingFlipMs").isNull()).isTrue();
      assertThat(get("http://127.0.0.1:" + www.port() + "/").body()).contains("served by " + PRIMARY);

      String live = start(api, "{\"mode\":\"live\",\"reason\":\"quarterly DR drill\"}");
      HttpResponse<String> second = post(api + "/api/v1/drills", KafkaStack.TEST_API_KEY, "{\"mode\":\"dry-run\"}");
      assertThat(second.statusCode()).as("one drill at a time").isEqualTo(409);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(get("http://127.0.0.1:" + www.port() + "/").body()).contains("served by " + SECONDARY));
      JsonNode report = finished(api, live);
      assertThat(report.path("status").asString()).as(report.toString()).isEqualTo("succeeded");
      JsonNode figures = report.path("report");
      assertThat(figures.path("detectionMs").asLong()).isPositive();
      for (String phase : List.of("decisionMs", "routingFlipMs", "databasePromotionMs", "verificationMs")) {
        assertThat(figures.path(phase).isNumber()).as(phase + " in " + figures).isTrue();
      }
      assertThat(figures.path("activeRegion").asString()).isEqualTo(PRIMARY);
      assertThat(report.path("checklist").findValuesAsString("outcome")).doesNotContain("failed");
      assertThat(get("http://127.0.0.1:" + www.port() + "/").body()).contains("served by " + PRIMARY);
      assertThat(primary.faulty()).isFalse();

      HttpResponse<String> lesson = post(api + "/api/v1/drills/" + live + "/checklist", KafkaStack.TEST_API_KEY,
          "{\"phase\":\"post\",\"item\":\"Document lessons learned\",\"outcome\":\"succeeded\",\"detail\":\"runbook link fixed\"}");
      assertThat(lesson.statusCode()).as(lesson.body()).isEqualTo(202);

      List<SpecificRecord> events = pairEvents(stack);
      assertThat(events).filteredOn(DrillChecklistItemRecorded.class::isInstance).hasSize(31);
      assertThat(events).filteredOn(DrillCompleted.class::isInstance).extracting(event -> ((DrillCompleted) event).getOutcome())
          .containsExactly(RunOutcome.succeeded, RunOutcome.succeeded);
      assertThat(events).filteredOn(DrillChecklistItemRecorded.class::isInstance)
          .map(event -> (DrillChecklistItemRecorded) event)
          .anySatisfy(item -> {
            assertThat(item.getItem()).isEqualTo("Document lessons learned");
            assertThat(item.getRecordedBy().getId()).isEqualTo("drill-lead@example.com");
          });
    }
  }

  private String start(String api, String body) throws IOException, InterruptedException {
    HttpResponse<String> started = post(api + "/api/v1/drills", KafkaStack.TEST_API_KEY, body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String id = JSON.readTree(started.body()).path("drillId").asString();
    assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/drills/" + id);
    return id;
  }

  private static JsonNode finished(String api, String drillId) {
    JsonNode[] view = new JsonNode[1];
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
      view[0] = JSON.readTree(get(api + "/api/v1/drills/" + drillId).body());
      return !view[0].path("status").asString().equals("running");
    });
    return view[0];
  }

  private ConfigurableApplicationContext start(DemoRegion primary, DemoRegion secondary, WwwEntryPoint www, Path routingFile) {
    return LocalPairService.start(data, primary, secondary, www, routingFile,
        "--lifeline.failover.fault-injection.mode=local",
        "--lifeline.failover.fault-injection.local.regions." + PRIMARY + "=http://127.0.0.1:" + primary.port(),
        "--lifeline.failover.fault-injection.local.regions." + SECONDARY + "=http://127.0.0.1:" + secondary.port(),
        "--lifeline.failover.fault-injection.local.api-key=" + REGION_KEY,
        "--lifeline.failover.drill.restore=60s");
  }

  /** Every event of this test's pair on failover.events, from the beginning. */
  private static List<SpecificRecord> pairEvents(KafkaStack stack) {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "drill-e2e-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer();
    deserializer.configure(stack.serdeConfig(), false);
    List<SpecificRecord> events = new ArrayList<>();
    try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
      consumer.subscribe(List.of(Topics.FAILOVER_EVENTS.name()));
      int quiet = 0;
      while (quiet < 10) {
        int before = events.size();
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(300))) {
          if (PAIR.equals(record.key())) {
            events.add(record.value());
          }
        }
        quiet = events.size() == before ? quiet + 1 : 0;
      }
    }
    return events;
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String apiKey, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("From", "drill-lead@example.com").POST(HttpRequest.BodyPublishers.ofString(json));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
