package io.codelibra.lifeline.registry;

import static io.codelibra.lifeline.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.codelibra.lifeline.registry.state.LogRecordCodec;
import io.codelibra.lifeline.registry.state.RegistryState;
import io.codelibra.lifeline.registry.state.Visibility;
import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
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
      ConfigurableApplicationContext context = SchemaRegistryApplication.builder()
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
        String name = instance == a ? "A" : "B";
        // Into the shared subject each instance registers its own schemas: the versions collide.
        writers.add(registering(pool, go, instance, "race-shared-value", name, perInstance, idsBySchema));
        // Into its own subject each registers the same schemas as the other: the new ids collide.
        writers.add(registering(pool, go, instance, "race-" + name + "-value", "Common", perInstance, idsBySchema));
      }
      go.countDown();
      for (Future<?> writer : writers) {
        writer.get();
      }
      pool.shutdown();

      assertThat(idsBySchema).hasSize(3 * perInstance);
      assertThat(idsBySchema.values()).doesNotHaveDuplicates();
      for (String subject : List.of("race-shared-value", "race-A-value", "race-B-value")) {
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
      assertThat(versions(a, "race-shared-value")).hasSize(2 * perInstance);
      assertThat(versions(a, "race-A-value")).hasSize(perInstance);
      assertThat(versions(b, "race-B-value")).hasSize(perInstance);
      for (Integer id : idsBySchema.values()) {
        assertThat(b.http().get("/schemas/ids/" + id).body()).isEqualTo(a.http().get("/schemas/ids/" + id).body());
      }
      assertThat(b.http().post("/subjects/race-A-value", schemaBody(record("Common0"))).json().get("id").asInt())
          .isEqualTo(idsBySchema.get(record("Common0")));

      // Records that lost their compare-and-set were overwritten, so the log compacted to the last
      // record of each key still rebuilds exactly this state: a later instance would agree too.
      RegistryState compacted = replayCompacted(broker, "_schemas_concurrent");
      for (String subject : List.of("race-shared-value", "race-A-value", "race-B-value")) {
        assertThat(compacted.versions(subject, Visibility.INCLUDE_DELETED))
            .extracting(entry -> entry.version() + ":" + entry.id() + ":" + entry.schema())
            .isEqualTo(versions(a, subject).stream()
                .map(v -> v.get("version").asInt() + ":" + v.get("id").asInt() + ":" + v.get("schema").asText())
                .toList());
      }
    }
  }

  /** The state a fresh instance would build from the topic after compaction kept only the last record per key. */
  private static RegistryState replayCompacted(EmbeddedKafkaBroker broker, String topic) {
    Map<String, ConsumerRecord<byte[], byte[]>> lastByKey = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          lastByKey.remove(key);
          lastByKey.put(key, record);
        }
      }
    }
    RegistryState state = new RegistryState(CompatibilityLevel.BACKWARD);
    LogRecordCodec codec = new LogRecordCodec();
    lastByKey.values().stream()
        .sorted(Comparator.comparingLong(ConsumerRecord::offset))
        .forEach(record -> state.apply(codec.decode(record.key(), record.value())));
    return state;
  }

  private static Future<?> registering(ExecutorService pool, CountDownLatch go, Instance instance, String subject,
      String name, int count, Map<String, Integer> idsBySchema) {
    return pool.submit(() -> {
      go.await();
      for (int i = 0; i < count; i++) {
        String schema = record(name + i);
        int id = instance.http().register(subject, schema);
        Integer earlier = idsBySchema.putIfAbsent(schema, id);
        assertThat(earlier == null ? id : earlier).as("one id for " + schema).isEqualTo(id);
      }
      return null;
    });
  }

  private static List<JsonNode> versions(Instance instance, String subject) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode version : instance.http().get("/subjects/" + subject + "/versions").json()) {
      found.add(instance.http().get("/subjects/" + subject + "/versions/" + version.asInt()).json());
    }
    return found;
  }
}
