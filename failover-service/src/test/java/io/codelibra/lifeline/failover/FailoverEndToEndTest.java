package io.codelibra.lifeline.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.codelibra.lifeline.deploy.demo.DemoRegion;
import io.codelibra.lifeline.deploy.demo.WwwEntryPoint;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.TimedStep;
import io.codelibra.lifeline.failover.fault.DemoRegionFaultSettings;
import io.codelibra.lifeline.failover.fault.DemoRegionFaultSwitch;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole region failover on a real broker and registry against the local stack's real demo regions and {@code www}
 * entry point: the primary's fault switched on -> RegionHealthChanged, a critical AlertRaised, an automatic
 * FailoverRequested, FailoverCompleted with every step, www served by us-west-2 with the data promoted; fault off ->
 * RegionRestored after the failback window, and failback only after an operator's approval.
 */
@WithKafkaStack
class FailoverEndToEndTest {

  private static final String PAIR = "us-east-1/us-west-2";
  private static final String REGION_KEY = "demo-region-key";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path data;

  private final List<SpecificRecord> seen = new ArrayList<>();

  @Test
  void primaryOutageFailsOverToUsWest2AndFailsBackAfterApproval(KafkaStack stack) throws Exception {
    Path east = Files.createDirectories(data.resolve("regions/us-east-1"));
    Files.createDirectories(data.resolve("regions/us-west-2"));
    Files.writeString(east.resolve("orders.jsonl"), "{\"order\":1}\n{\"order\":2}\n");
    Path routingFile = data.resolve("failover/active-region");
    try (DemoRegion primary = new DemoRegion("us-east-1", 0, REGION_KEY).start();
        DemoRegion secondary = new DemoRegion("us-west-2", 0, REGION_KEY).start();
        WwwEntryPoint www = new WwwEntryPoint(0, routingFile, "us-east-1", Map.of(
            "us-east-1", URI.create("http://127.0.0.1:" + primary.port() + "/"),
            "us-west-2", URI.create("http://127.0.0.1:" + secondary.port() + "/"))).start();
        DemoRegionFaultSwitch faults = new DemoRegionFaultSwitch(new DemoRegionFaultSettings(Map.of(
            "us-east-1", URI.create("http://127.0.0.1:" + primary.port()),
            "us-west-2", URI.create("http://127.0.0.1:" + secondary.port())), REGION_KEY, null, null));
        ConfigurableApplicationContext service = start(primary, secondary, www, routingFile);
        // After the start, which creates the topics; from their beginning: this test is the only one with this pair.
        KafkaConsumer<String, SpecificRecord> consumer = consumer(stack)) {
      String api = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
      awaitEvent(consumer, RegionHealthChanged.class, changed -> changed.getRegion().equals("us-west-2")
          && changed.getHealth() == RegionHealth.healthy);
      assertThat(get(URI.create("http://127.0.0.1:" + www.port() + "/")).body()).contains("served by us-east-1");

      faults.inject("us-east-1", "failover end-to-end test");

      RegionHealthChanged down = awaitEvent(consumer, RegionHealthChanged.class, changed -> changed.getRegion().equals("us-east-1")
          && changed.getHealth() == RegionHealth.unhealthy);
      AlertRaised alarm = awaitEvent(consumer, AlertRaised.class, raised -> raised.getFingerprint().equals("region-unhealthy:us-east-1"));
      assertThat(alarm.getSeverity()).isEqualTo(Severity.SEV1);
      FailoverRequested failover = awaitEvent(consumer, FailoverRequested.class, request -> request.getRegionPair().equals(PAIR));
      assertThat(failover.getTrigger()).isEqualTo(FailoverTrigger.automatic);
      assertThat(failover.getToRegion()).isEqualTo("us-west-2");
      assertThat(failover.getTriggerEventId()).isEqualTo(down.getEventId());
      FailoverCompleted completed = awaitEvent(consumer, FailoverCompleted.class,
          done -> done.getFailoverId().equals(failover.getFailoverId()));
      assertThat(completed.getOutcome()).as("error: %s", completed.getError()).isEqualTo(RunOutcome.succeeded);
      assertThat(completed.getActiveRegion()).isEqualTo("us-west-2");
      assertThat(completed.getSteps()).extracting(TimedStep::getName).containsSubsequence(
          "verify-target-healthy", "check-data-readiness", "promote-database", "flip-routing", "verify-traffic");
      assertThat(get(URI.create("http://127.0.0.1:" + www.port() + "/")).body()).contains("served by us-west-2");
      assertThat(data.resolve("regions/us-west-2/orders.jsonl")).hasContent("{\"order\":1}\n{\"order\":2}");

      HttpResponse<String> anonymous = post(api + "/api/v1/region-pair/failback/approval", null, "oncall@example.com");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      HttpResponse<String> stale = post(api + "/api/v1/region-pair/failover", KafkaStack.TEST_API_KEY, "oncall@example.com",
          "{\"epoch\":1,\"reason\":\"again\"}");
      assertThat(stale.statusCode()).isEqualTo(409);
      assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(stale.body()).contains("stale request");

      faults.clear("us-east-1");

      awaitEvent(consumer, RegionHealthChanged.class, changed -> changed.getRegion().equals("us-east-1")
          && changed.getHealth() == RegionHealth.healthy);
      RegionRestored restored = awaitEvent(consumer, RegionRestored.class, event -> event.getRegion().equals("us-east-1"));
      assertThat(restored.getFailbackRequiresApproval()).isTrue();
      awaitEvent(consumer, AlertResolved.class, resolved -> resolved.getFingerprint().equals("region-unhealthy:us-east-1"));
      assertThat(seen).noneMatch(event -> event instanceof FailoverRequested request && request.getDirection() == FailoverDirection.failback);
      assertThat(get(URI.create(api + "/api/v1/region-pair")).body()).contains("\"phase\":\"RECOVERING\"", "\"activeRegion\":\"us-west-2\"");

      HttpResponse<String> approval = post(api + "/api/v1/region-pair/failback/approval", KafkaStack.TEST_API_KEY,
          "oncall@example.com");
      assertThat(approval.statusCode()).as(approval.body()).isEqualTo(202);
      assertThat(approval.body()).contains("\"status\":\"accepted\"", "failover_id");

      FailoverRequested failback = awaitEvent(consumer, FailoverRequested.class,
          request -> request.getDirection() == FailoverDirection.failback);
      assertThat(failback.getRequestedBy().getId()).isEqualTo("oncall@example.com");
      assertThat(failback.getEpoch()).isEqualTo(failover.getEpoch() + 1);
      FailoverCompleted back = awaitEvent(consumer, FailoverCompleted.class, done -> done.getFailoverId().equals(failback.getFailoverId()));
      assertThat(back.getOutcome()).as("error: %s", back.getError()).isEqualTo(RunOutcome.succeeded);
      assertThat(get(URI.create("http://127.0.0.1:" + www.port() + "/")).body()).contains("served by us-east-1");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(get(URI.create(api + "/api/v1/region-pair")).body()).contains("\"phase\":\"HEALTHY\""));
    }
  }

  private ConfigurableApplicationContext start(DemoRegion primary, DemoRegion secondary, WwwEntryPoint www, Path routingFile) {
    return LocalPairService.start(data, primary, secondary, www, routingFile);
  }

  /** The first event of {@code type} matching {@code wanted}, among those seen so far or polled within 60 s. */
  private <T extends SpecificRecord> T awaitEvent(KafkaConsumer<String, SpecificRecord> consumer, Class<T> type, Predicate<T> wanted) {
    Instant deadline = Instant.now().plusSeconds(60);
    do {
      for (SpecificRecord event : seen) {
        if (type.isInstance(event) && wanted.test(type.cast(event))) {
          return type.cast(event);
        }
      }
      // Other tests of this JVM share the broker with other region pairs: only this pair's records count.
      consumer.poll(Duration.ofMillis(100)).forEach(record -> {
        if (record.topic().equals(Topics.ALERTS.name()) || PAIR.equals(record.key())) {
          seen.add(record.value());
        }
      });
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("no such " + type.getSimpleName() + "; seen: " + seen.stream().map(e -> e.getSchema().getName()).toList());
  }

  private static KafkaConsumer<String, SpecificRecord> consumer(KafkaStack stack) {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer();
    deserializer.configure(stack.serdeConfig(), false);
    KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
    consumer.subscribe(List.of(Topics.FAILOVER_EVENTS.name(), Topics.FAILOVER_REQUESTS.name(), Topics.ALERTS.name()));
    return consumer;
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String apiKey, String from) throws IOException, InterruptedException {
    return post(url, apiKey, from, "{}");
  }

  private static HttpResponse<String> post(String url, String apiKey, String from, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("From", from).POST(HttpRequest.BodyPublishers.ofString(json));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
