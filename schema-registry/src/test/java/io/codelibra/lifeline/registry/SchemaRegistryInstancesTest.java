package io.codelibra.lifeline.registry;

import static io.codelibra.lifeline.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** Several registry processes on one broker: ids survive restarts, and concurrent instances agree without a leader. */
@EmbeddedKafka(partitions = 1)
class SchemaRegistryInstancesTest {

  private static final String API_KEY = "instances-test-key";

  /** A registry instance: its Spring context and an HTTP client for it. */
  private record Instance(ConfigurableApplicationContext context, RegistryHttp http) implements AutoCloseable {

    static Instance start(EmbeddedKafkaBroker broker, String topic) {
      ConfigurableApplicationContext context = new SpringApplicationBuilder(SchemaRegistryApplication.class)
          .run("--server.port=0",
              "--lifeline.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
              "--lifeline.security.api-keys=" + API_KEY,
              "--lifeline.registry.topic=" + topic,
              "--lifeline.registry.replication-factor=1");
      String port = context.getEnvironment().getProperty("local.server.port");
      return new Instance(context, new RegistryHttp("http://localhost:" + port, API_KEY));
    }

    @Override
    public void close() {
      context.close();
    }
  }

  private static String record(String name) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"instances.test\","
        + "\"fields\":[{\"name\":\"value\",\"type\":\"string\"}]}";
  }

  @Test
  void idsVersionsAndConfigSurviveARestart(EmbeddedKafkaBroker broker) {
    int alertId;
    int regionId;
    try (Instance first = Instance.start(broker, "_schemas_restart")) {
      alertId = first.http().register("restart-alerts-value", record("Alert"));
      regionId = first.http().register("restart-regions-value", record("Region"));
      first.http().put("/config/restart-regions-value", "{\"compatibility\":\"NONE\"}");
      first.http().register("restart-regions-value", record("Region2"));
      first.http().delete("/subjects/restart-regions-value/versions/2");
    }

    try (Instance second = Instance.start(broker, "_schemas_restart")) {
      RegistryHttp http = second.http();
      assertThat(http.get("/schemas/ids/" + alertId).json().get("schema").asText())
          .isEqualTo(RegistryHttp.canonical(record("Alert")));
      assertThat(http.get("/schemas/ids/" + regionId).json().get("schema").asText())
          .isEqualTo(RegistryHttp.canonical(record("Region")));
      assertThat(http.register("restart-alerts-value", record("Alert"))).isEqualTo(alertId);
      assertThat(http.register("restart-copy-value", record("Region"))).isEqualTo(regionId);
      assertThat(http.get("/config/restart-regions-value").json().get("compatibilityLevel").asText()).isEqualTo("NONE");
      assertThat(http.get("/subjects/restart-regions-value/versions").json().toString()).isEqualTo("[1]");
      assertThat(http.get("/subjects/restart-regions-value/versions?deleted=true").json().toString())
          .isEqualTo("[1,2]");
      assertThat(http.register("restart-new-value", record("Incident"))).isEqualTo(Math.max(alertId, regionId) + 2);
    }
  }

  @Test
  void twoInstancesRegisteringConcurrentlyAgreeOnEveryIdAndVersion(EmbeddedKafkaBroker broker) throws Exception {
    int perInstance = 8;
    try (Instance a = Instance.start(broker, "_schemas_concurrent");
        Instance b = Instance.start(broker, "_schemas_concurrent")) {
      a.http().put("/config", "{\"compatibility\":\"NONE\"}");
      Map<String, Integer> idsBySchema = new ConcurrentHashMap<>();
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> writers = new ArrayList<>();
      for (Instance instance : List.of(a, b)) {
        for (String subject : List.of("race-shared-value", "race-" + (instance == a ? "a" : "b") + "-value")) {
          writers.add(pool.submit(() -> {
            go.await();
            for (int i = 0; i < perInstance; i++) {
              // Both instances register the same names, so schemas collide on ids as well as on versions.
              String schema = record("Schema" + i);
              int id = instance.http().register(subject, schema);
              Integer earlier = idsBySchema.putIfAbsent(schema, id);
              assertThat(earlier == null ? id : earlier).as("one id per schema").isEqualTo(id);
            }
            return null;
          }));
        }
      }
      go.countDown();
      for (Future<?> writer : writers) {
        writer.get();
      }
      pool.shutdown();

      assertThat(idsBySchema.values()).doesNotHaveDuplicates().hasSize(perInstance);
      for (String subject : List.of("race-shared-value", "race-a-value", "race-b-value")) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(versions(b, subject)).isEqualTo(versions(a, subject)));
        List<JsonNode> versions = versions(a, subject);
        assertThat(versions).extracting(version -> version.get("version").asInt())
            .isEqualTo(java.util.stream.IntStream.rangeClosed(1, versions.size()).boxed().toList());
        for (JsonNode version : versions) {
          assertThat(version.get("id").asInt()).isEqualTo(idsBySchema.get(
              idsBySchema.keySet().stream()
                  .filter(schema -> RegistryHttp.canonical(schema).equals(version.get("schema").asText()))
                  .findFirst().orElseThrow()));
        }
      }
      assertThat(versions(a, "race-shared-value")).hasSize(perInstance);
      assertThat(versions(a, "race-a-value")).hasSize(perInstance);
      for (Integer id : idsBySchema.values()) {
        assertThat(b.http().get("/schemas/ids/" + id).body()).isEqualTo(a.http().get("/schemas/ids/" + id).body());
      }
      assertThat(b.http().post("/subjects/race-b-value", schemaBody(record("Schema0"))).json().get("id").asInt())
          .isEqualTo(idsBySchema.get(record("Schema0")));
    }
  }

  private static List<JsonNode> versions(Instance instance, String subject) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode version : instance.http().get("/subjects/" + subject + "/versions").json()) {
      found.add(instance.http().get("/subjects/" + subject + "/versions/" + version.asInt()).json());
    }
    return found;
  }
}
