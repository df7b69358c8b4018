package io.codelibra.lifeline.registry;

import static io.codelibra.lifeline.registry.RegistryHttp.canonical;
import static io.codelibra.lifeline.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.codelibra.lifeline.registry.RegistryHttp.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The Confluent REST API end to end: a real KRaft broker, the registry on a random port, plain HTTP calls. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=" + SchemaRegistryApplication.CONFIG_NAME,
    "spring.config.name=" + SchemaRegistryApplication.CONFIG_NAME,
    "lifeline.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "lifeline.security.api-keys=" + SchemaRegistryApiTest.API_KEY,
    "lifeline.registry.replication-factor=1"})
@EmbeddedKafka(partitions = 1)
class SchemaRegistryApiTest {

  static final String API_KEY = "api-test-key";

  static final String ALERT = """
      {"type":"record","name":"Alert","namespace":"api.test","fields":[{"name":"id","type":"string"}]}""";
  static final String ALERT_WITH_DEFAULT = """
      {"type":"record","name":"Alert","namespace":"api.test","fields":[{"name":"id","type":"string"},
       {"name":"severity","type":"string","default":"low"}]}""";
  static final String ALERT_WITH_REQUIRED = """
      {"type":"record","name":"Alert","namespace":"api.test","fields":[{"name":"id","type":"string"},
       {"name":"severity","type":"string"}]}""";
  static final String REGION = """
      {"type":"record","name":"Region","namespace":"api.test","fields":[{"name":"name","type":"string"}]}""";

  @LocalServerPort
  int port;

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  RegistryHttp registry;

  @BeforeEach
  void connect() {
    registry = new RegistryHttp("http://localhost:" + port, API_KEY);
  }

  @Test
  void registersIdempotentlyAndReusesGlobalIdsAcrossSubjects() {
    Answer first = registry.post("/subjects/reg-alerts-value/versions", schemaBody(ALERT));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith(RegistryHttp.V1_JSON);
    int id = first.json().get("id").asInt();
    assertThat(first.json().size()).isEqualTo(1);
    assertThat(registry.register("reg-alerts-value", ALERT)).isEqualTo(id);
    assertThat(registry.register("reg-alerts-copy-value", ALERT)).isEqualTo(id);
    int regionId = registry.register("reg-regions-value", REGION);
    assertThat(regionId).isNotEqualTo(id);

    assertThat(registry.get("/subjects/reg-alerts-value/versions").json().toString()).isEqualTo("[1]");
    assertThat(registry.get("/subjects/reg-alerts-copy-value/versions").json().toString()).isEqualTo("[1]");
  }

  @Test
  void looksUpAndFetchesBySubjectVersionAndId() {
    // A namespace of its own, so no other test registers these schemas.
    String alert = ALERT.replace("api.test", "api.get");
    String alertWithDefault = ALERT_WITH_DEFAULT.replace("api.test", "api.get");
    int id = registry.register("get-alerts-value", alert);
    registry.register("get-alerts-value", alertWithDefault);
    registry.register("get-other-value", alert);

    JsonNode lookUp = registry.post("/subjects/get-alerts-value", schemaBody(alert)).json();
    assertThat(lookUp.get("subject").asText()).isEqualTo("get-alerts-value");
    assertThat(lookUp.get("id").asInt()).isEqualTo(id);
    assertThat(lookUp.get("version").asInt()).isEqualTo(1);
    assertThat(lookUp.get("schema").asText()).isEqualTo(canonical(alert));

    JsonNode latest = registry.get("/subjects/get-alerts-value/versions/latest").json();
    assertThat(latest.get("version").asInt()).isEqualTo(2);
    assertThat(latest.get("schema").asText()).isEqualTo(canonical(alertWithDefault));
    assertThat(registry.get("/subjects/get-alerts-value/versions/-1").json()).isEqualTo(latest);
    assertThat(registry.get("/subjects/get-alerts-value/versions/1").json().get("id").asInt()).isEqualTo(id);
    Answer rawSchema = registry.get("/subjects/get-alerts-value/versions/1/schema");
    assertThat(rawSchema.body()).isEqualTo(canonical(alert));

    assertThat(registry.get("/schemas/ids/" + id).json().toString())
        .isEqualTo("{\"schema\":" + new com.fasterxml.jackson.databind.node.TextNode(canonical(alert)) + "}");
    assertThat(registry.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(canonical(alert));
    assertThat(registry.get("/schemas/ids/" + id + "/versions").json().toString()).isEqualTo(
        "[{\"subject\":\"get-alerts-value\",\"version\":1},{\"subject\":\"get-other-value\",\"version\":1}]");
    assertThat(registry.get("/subjects").json().toString()).contains("\"get-alerts-value\"", "\"get-other-value\"");
  }

  @Test
  void checksCompatibilityAndRefusesAnIncompatibleRegistration() {
    registry.register("compat-alerts-value", ALERT);

    Answer compatible = registry.post("/compatibility/subjects/compat-alerts-value/versions/latest",
        schemaBody(ALERT_WITH_DEFAULT));
    Answer incompatible = registry.post("/compatibility/subjects/compat-alerts-value/versions/1?verbose=true",
        schemaBody(ALERT_WITH_REQUIRED));
    Answer refused = registry.post("/subjects/compat-alerts-value/versions", schemaBody(ALERT_WITH_REQUIRED));

    assertThat(compatible.status()).isEqualTo(200);
    assertThat(compatible.json().toString()).isEqualTo("{\"is_compatible\":true}");
    assertThat(incompatible.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(incompatible.json().get("messages").toString())
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD'}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo(409);
    assertThat(refused.message()).startsWith("Schema being registered is incompatible with an earlier schema for "
        + "subject \"compat-alerts-value\", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'");
    assertThat(registry.get("/subjects/compat-alerts-value/versions").json().toString()).isEqualTo("[1]");

    int evolved = registry.register("compat-alerts-value", ALERT_WITH_DEFAULT);
    assertThat(registry.get("/subjects/compat-alerts-value/versions/2").json().get("id").asInt()).isEqualTo(evolved);
    assertThat(registry.post("/compatibility/subjects/compat-new-value/versions/latest", schemaBody(REGION))
        .json().get("is_compatible").asBoolean()).isTrue();
    assertThat(registry.post("/compatibility/subjects/compat-new-value/versions/1", schemaBody(REGION)).errorCode())
        .isEqualTo(40401);
  }

  @Test
  void configuresCompatibilityGloballyAndPerSubject() {
    registry.register("config-alerts-value", ALERT);
    assertThat(registry.get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    assertThat(registry.get("/config/config-alerts-value").errorCode()).isEqualTo(40408);
    assertThat(registry.get("/config/config-alerts-value").message())
        .isEqualTo("Subject 'config-alerts-value' does not have subject-level compatibility configured");
    assertThat(registry.get("/config/config-alerts-value?defaultToGlobal=true").json().get("compatibilityLevel")
        .asText()).isEqualTo("BACKWARD");

    Answer set = registry.put("/config/config-alerts-value", "{\"compatibility\":\"NONE\"}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().toString()).isEqualTo("{\"compatibility\":\"NONE\"}");
    assertThat(registry.get("/config/config-alerts-value").json().toString())
        .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertThat(registry.register("config-alerts-value", ALERT_WITH_REQUIRED)).isPositive();

    Answer invalid = registry.put("/config/config-alerts-value", "{\"compatibility\":\"SIDEWAYS\"}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.errorCode()).isEqualTo(42203);

    assertThat(registry.delete("/config/config-alerts-value").json().toString())
        .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
    assertThat(registry.get("/config/config-alerts-value").errorCode()).isEqualTo(40408);

    assertThat(registry.put("/config", "{\"compatibility\":\"full_transitive\"}").json().toString())
        .isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
    assertThat(registry.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
    assertThat(registry.delete("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
    assertThat(registry.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
  }

  @Test
  void softDeletesThenPermanentlyDeletesVersionsAndSubjects() {
    int firstId = registry.register("del-alerts-value", REGION.replace("Region", "DeletedRegion"));
    registry.put("/config/del-alerts-value", "{\"compatibility\":\"NONE\"}");
    registry.register("del-alerts-value", ALERT);

    assertThat(registry.delete("/subjects/del-alerts-value/versions/1?permanent=true").errorCode()).isEqualTo(40407);
    assertThat(registry.delete("/subjects/del-alerts-value/versions/1").body()).isEqualTo("1");
    Answer again = registry.delete("/subjects/del-alerts-value/versions/1");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorCode()).isEqualTo(40406);
    assertThat(registry.get("/subjects/del-alerts-value/versions").json().toString()).isEqualTo("[2]");
    assertThat(registry.get("/subjects/del-alerts-value/versions?deleted=true").json().toString()).isEqualTo("[1,2]");
    assertThat(registry.get("/subjects/del-alerts-value/versions/1").errorCode()).isEqualTo(40402);
    assertThat(registry.get("/subjects/del-alerts-value/versions/1?deleted=true").status()).isEqualTo(200);
    assertThat(registry.get("/schemas/ids/" + firstId).status()).isEqualTo(200);

    Answer notSoftDeleted = registry.delete("/subjects/del-alerts-value?permanent=true");
    assertThat(notSoftDeleted.errorCode()).isEqualTo(40405);
    assertThat(notSoftDeleted.message())
        .isEqualTo("Subject 'del-alerts-value' was not deleted first before being permanently deleted");
    assertThat(registry.delete("/subjects/del-alerts-value").json().toString()).isEqualTo("[2]");
    assertThat(registry.delete("/subjects/del-alerts-value").errorCode()).isEqualTo(40404);
    assertThat(subjects("/subjects")).doesNotContain("del-alerts-value");
    assertThat(subjects("/subjects?deleted=true")).contains("del-alerts-value");
    assertThat(registry.get("/subjects/del-alerts-value/versions").errorCode()).isEqualTo(40401);

    assertThat(registry.delete("/subjects/del-alerts-value?permanent=true").json().toString()).isEqualTo("[1,2]");
    assertThat(subjects("/subjects?deleted=true")).doesNotContain("del-alerts-value");
    assertThat(registry.get("/schemas/ids/" + firstId).errorCode()).isEqualTo(40403);
    assertThat(registry.get("/config/del-alerts-value").errorCode()).isEqualTo(40408);
    assertThat(registry.delete("/subjects/del-alerts-value").errorCode()).isEqualTo(40401);
  }

  @Test
  void answersErrorsWithConfluentsCodesAndMessages() {
    registry.register("err-alerts-value", ALERT);

    Answer noSubject = registry.get("/subjects/err-nobody-value/versions");
    assertThat(noSubject.status()).isEqualTo(404);
    assertThat(noSubject.contentType()).startsWith(RegistryHttp.V1_JSON);
    assertThat(noSubject.json().toString())
        .isEqualTo("{\"error_code\":40401,\"message\":\"Subject 'err-nobody-value' not found.\"}");
    assertThat(registry.get("/subjects/err-alerts-value/versions/7").message()).isEqualTo("Version 7 not found.");
    assertThat(registry.get("/subjects/err-alerts-value/versions/7").errorCode()).isEqualTo(40402);
    Answer badVersion = registry.get("/subjects/err-alerts-value/versions/0");
    assertThat(badVersion.status()).isEqualTo(422);
    assertThat(badVersion.errorCode()).isEqualTo(42202);
    Answer noId = registry.get("/schemas/ids/987654");
    assertThat(noId.status()).isEqualTo(404);
    assertThat(noId.json().toString()).isEqualTo("{\"error_code\":40403,\"message\":\"Schema 987654 not found\"}");
    assertThat(registry.post("/subjects/err-alerts-value", schemaBody(REGION)).errorCode()).isEqualTo(40403);
    assertThat(registry.post("/subjects/err-nobody-value", schemaBody(REGION)).errorCode()).isEqualTo(40401);

    Answer notAvro = registry.post("/subjects/err-alerts-value/versions", schemaBody("{\"type\":\"recrod\"}"));
    assertThat(notAvro.status()).isEqualTo(422);
    assertThat(notAvro.errorCode()).isEqualTo(42201);
    Answer jsonSchema = registry.post("/subjects/err-alerts-value/versions",
        "{\"schemaType\":\"JSON\",\"schema\":\"{\\\"type\\\":\\\"object\\\"}\"}");
    assertThat(jsonSchema.errorCode()).isEqualTo(42201);
    assertThat(registry.post("/subjects/err-alerts-value/versions", "{not json").status()).isEqualTo(400);
    assertThat(registry.get("/no/such/path").status()).isEqualTo(404);
  }

  @Test
  void writesNeedTheApiKeyReadsDoNot() {
    Answer refused = registry.postWithoutKey("/subjects/auth-alerts-value/versions", schemaBody(ALERT));
    Answer wrongKey = new RegistryHttp("http://localhost:" + port, "not-the-key")
        .post("/subjects/auth-alerts-value/versions", schemaBody(ALERT));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(registry.deleteWithoutKey("/subjects/auth-alerts-value").status()).isEqualTo(401);
    assertThat(registry.get("/subjects/auth-alerts-value/versions").errorCode()).isEqualTo(40401);
    assertThat(registry.get("/subjects").status()).isEqualTo(200);
  }

  @Test
  void acceptsTheBodyTypesConfluentClientsSendAndNegotiatesTheAnswerType() {
    assertThat(registry.post("/subjects/types-value/versions", schemaBody(REGION), "application/octet-stream")
        .status()).isEqualTo(200);
    assertThat(registry.post("/subjects/types-value/versions", schemaBody(REGION), "application/json").status())
        .isEqualTo(200);
    assertThat(registry.post("/subjects/types-value/versions", schemaBody(REGION),
        "application/vnd.schemaregistry+json").status()).isEqualTo(200);
    assertThat(registry.post("/subjects/types-value/versions", schemaBody(REGION), "text/plain").status())
        .isEqualTo(415);

    assertThat(registry.get("/subjects", "application/json").contentType()).startsWith("application/json");
    // What Confluent's Java client sends.
    String confluentAccept = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, "
        + "application/json; qs=0.5";
    assertThat(registry.get("/subjects/types-value/versions/latest", confluentAccept).contentType())
        .startsWith(RegistryHttp.V1_JSON);
    assertThat(registry.get("/subjects/types-value/versions/latest/schema", confluentAccept).body())
        .isEqualTo(canonical(REGION));
    assertThat(registry.get("/subjects/").json().toString()).contains("\"types-value\"");
    assertThat(registry.get("/").json().toString()).isEqualTo("{}");
    assertThat(registry.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
    assertThat(registry.get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void keepsEverythingInACompactedSchemasTopicInConfluentsFormat() throws Exception {
    int id = registry.register("log-alerts-value", ALERT);

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
      TopicDescription topic = admin.describeTopics(List.of("_schemas")).allTopicNames().get().get("_schemas");
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
      Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertThat(topic.partitions()).hasSize(1);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
      TopicPartition partition = new TopicPartition("_schemas", 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          keys.add(new String(record.key(), StandardCharsets.UTF_8));
          values.add(record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
        }
      }
    }

    int index = keys.indexOf("{\"keytype\":\"SCHEMA\",\"subject\":\"log-alerts-value\",\"version\":1,\"magic\":1}");
    assertThat(index).isNotNegative();
    assertThat(values.get(index)).isEqualTo("{\"subject\":\"log-alerts-value\",\"version\":1,\"id\":" + id
        + ",\"schema\":" + new com.fasterxml.jackson.databind.node.TextNode(canonical(ALERT)) + ",\"deleted\":false}");
  }

  private List<String> subjects(String path) {
    return StreamSupport.stream(registry.get(path).json().spliterator(), false).map(JsonNode::asText).toList();
  }
}
