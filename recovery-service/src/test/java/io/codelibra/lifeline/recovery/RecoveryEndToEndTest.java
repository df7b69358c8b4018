package io.codelibra.lifeline.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.recovery.kubernetes.LocalCluster;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.serde.LifelineAvroSerializer;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The full region failover runbook on a real broker and registry with the local adapters acting on real files: a
 * weekly snapshot copied to us-west-2 through the API, then a FailoverRequested starts the runbook; the service is
 * stopped while the run waits for the DR region's health, and a new instance resumes it at that step without
 * repeating any finished one; RecoveryCompleted reports the RTO and RPO achieved.
 */
@WithKafkaStack
class RecoveryEndToEndTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path data;

  private final List<SpecificRecord> seen = new ArrayList<>();

  @Test
  void failoverRequestedRunsTheRegionFailoverRunbookWhichResumesAfterAKillWithoutRepeatingASteps(KafkaStack stack)
      throws Exception {
    Path primary = Files.createDirectories(data.resolve("regions/us-east-1"));
    Files.writeString(primary.resolve("orders.jsonl"), String.join("\n",
        IntStream.rangeClosed(1, 30).mapToObj(order -> "{\"order\":" + order + "}").toList()) + "\n");
    AtomicInteger healthStatus = new AtomicInteger(503);
    HttpServer health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    health.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(healthStatus.get(), -1);
      exchange.close();
    });
    health.start();
    String group = "recovery-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    try (KafkaConsumer<String, SpecificRecord> runs = consumer(stack)) {
      ConfigurableApplicationContext service = start(group, health);
      String api = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");

      HttpResponse<String> snapshot = post(api + "/api/v1/runbooks/weekly-snapshot-to-dr/runs", "{}");
      assertThat(snapshot.statusCode()).as(snapshot.body()).isEqualTo(202);
      RecoveryCompleted weekly = await(runs, RecoveryCompleted.class, done -> done.getRunbookId().equals("weekly-snapshot-to-dr"));
      assertThat(weekly.getOutcome()).as("%s", weekly).isEqualTo(RunOutcome.succeeded);
      Files.writeString(primary.resolve("orders.jsonl"), "{\"order\":31}\n", StandardOpenOption.APPEND);

      // Events carry milliseconds.
      Instant detected = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      publish(stack, failoverRequested(detected));
      RecoveryStarted started = await(runs, RecoveryStarted.class, run -> run.getRunbookId().equals("region-failover-us-west-2"));
      String runId = started.getRunId();
      await(runs, RecoveryStepCompleted.class, step -> step.getRunId().equals(runId)
          && step.getStepName().equals("wait-frontend-rollout"));

      service.close();

      assertThat(seen).noneMatch(event -> event instanceof RecoveryCompleted completed && completed.getRunId().equals(runId));
      healthStatus.set(200);
      ConfigurableApplicationContext again = start(group, health);
      try {
        RecoveryCompleted completed = await(runs, RecoveryCompleted.class, done -> done.getRunId().equals(runId));

        assertThat(completed.getOutcome()).as("%s", completed).isEqualTo(RunOutcome.succeeded);
        List<String> steps = seen.stream().filter(RecoveryStepCompleted.class::isInstance).map(RecoveryStepCompleted.class::cast)
            .filter(step -> step.getRunId().equals(runId)).map(RecoveryStepCompleted::getStepName).toList();
        assertThat(steps).as("every step exactly once").containsExactlyElementsOf(started.getPlannedSteps());
        assertThat(completed.getRtoAchievedMs()).as("detection -> verified, across the restart")
            .isGreaterThanOrEqualTo(Duration.between(detected, completed.getSteps().getLast().getEndedAt()).toMillis());
        assertThat(completed.getRpoAchievedMs()).as("outage start - snapshot time").isEqualTo(
            Duration.between(Instant.parse(weeklySnapshotTime(runs)), detected).toMillis());
        assertThat(completed.getObjectivesMet()).isTrue();
        assertThat(completed.getSteps()).allMatch(step -> step.getOutcome() == StepOutcome.succeeded);
        Path restored = data.resolve("rds/us-west-2/instances/vibe-postgres-dr/orders.jsonl");
        assertThat(Files.readAllLines(restored)).as("the snapshot's 30 rows, not the 31st written after it").hasSize(30);
        LocalCluster cluster = new LocalCluster(data.resolve("kubernetes"));
        assertThat(cluster.revisions("vibe-production", "vibe-backend")).as("restarted once").hasSize(2);
        assertThat(Files.readString(data.resolve("kubernetes/vibe-production/secrets/vibe-secrets.json")))
            .contains(Base64.getEncoder().encodeToString("vibe-postgres-dr.us-west-2.rds.local".getBytes()));
        HttpResponse<String> view = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
            + again.getEnvironment().getProperty("local.server.port") + "/api/v1/runs/" + runId)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(view.body()).contains("\"status\":\"succeeded\"", "\"objectivesMet\":true");
        AlertRaised announced = await(runs, AlertRaised.class, alert -> alert.getFingerprint().equals("recovery:" + runId));
        assertThat(announced.getSummary()).contains("database restored from lifeline-weekly-snapshot-to-dr");
      } finally {
        again.close();
        health.stop(0);
      }
    }
  }

  private String weeklySnapshotTime(KafkaConsumer<String, SpecificRecord> runs) {
    return await(runs, RecoveryStepCompleted.class, step -> step.getStepName().equals("create-snapshot"))
        .getOutputs().get("snapshot-time");
  }

  private ConfigurableApplicationContext start(String group, HttpServer health) {
    return new SpringApplicationBuilder(RecoveryApplication.class).run("--server.port=0",
        "--spring.cloud.stream.bindings.startRunbooks-in-0.group=" + group,
        "--spring.cloud.stream.bindings.meterEvents-in-0.group=" + group + "-meter",
        "--lifeline.recovery.local.data-directory=" + data,
        "--lifeline.recovery.local.seed-demo=true",
        "--lifeline.recovery.local.instances[0].region=us-east-1",
        "--lifeline.recovery.local.instances[0].instance=vibe-postgres-production",
        "--lifeline.recovery.local.instances[0].directory=" + data.resolve("regions/us-east-1"),
        "--lifeline.recovery.kubernetes.local-directory=" + data.resolve("kubernetes"),
        "--lifeline.recovery.kubernetes.seed-demo=true",
        "--lifeline.recovery.runbook-parameters.region-failover-us-west-2.health-url=http://127.0.0.1:"
            + health.getAddress().getPort() + "/health");
  }

  private static FailoverRequested failoverRequested(Instant detected) {
    return FailoverRequested.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(Instant.now()).setSource("failover-service")
        .setRegionPair("us-east-1/us-west-2").setFailoverId("fo-" + UUID.randomUUID()).setDirection(FailoverDirection.failover)
        .setFromRegion("us-east-1").setToRegion("us-west-2").setTrigger(FailoverTrigger.automatic)
        .setReason("us-east-1 unhealthy").setEpoch(1).setRequestedBy(new Actor(ActorType.system, "failover-service", null))
        .setDryRun(false).setDetectedAt(detected).build();
  }

  private static void publish(KafkaStack stack, FailoverRequested request) throws Exception {
    LifelineAvroSerializer serializer = new LifelineAvroSerializer();
    serializer.configure(stack.serdeConfig(), false);
    try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(new HashMap<>(stack.serdeConfig()),
        new StringSerializer(), serializer)) {
      producer.send(new ProducerRecord<>(Topics.FAILOVER_REQUESTS.name(), request.getRegionPair(), request)).get();
    }
  }

  private <T extends SpecificRecord> T await(KafkaConsumer<String, SpecificRecord> consumer, Class<T> type, Predicate<T> wanted) {
    Instant deadline = Instant.now().plusSeconds(60);
    do {
      for (SpecificRecord event : seen) {
        if (type.isInstance(event) && wanted.test(type.cast(event))) {
          return type.cast(event);
        }
      }
      consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("no such " + type.getSimpleName() + "; seen " + seen.stream().map(e -> e.getSchema().getName()).toList());
  }

  private static KafkaConsumer<String, SpecificRecord> consumer(KafkaStack stack) {
    Map<String, Object> config = new HashMap<>(stack.serdeConfig());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "recovery-e2e-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer();
    deserializer.configure(stack.serdeConfig(), false);
    KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
    consumer.subscribe(List.of(Topics.RECOVERY_RUNS.name(), Topics.ALERTS.name()));
    return consumer;
  }

  private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + KafkaStack.TEST_API_KEY).header("From", "dba@example.com")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
