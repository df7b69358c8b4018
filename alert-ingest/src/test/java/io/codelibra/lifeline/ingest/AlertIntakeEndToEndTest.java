package io.codelibra.lifeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.serde.WireFormat;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The one real path of the foundation: HTTP alert -> broker-acknowledged AlertRaised -> any Confluent-format reader. */
@WithKafkaStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertIntakeEndToEndTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Test
  void anAcceptedAlertIsOnTheAlertsTopicInTheConfluentWireFormat(KafkaStack stack) throws Exception {
    String dedupKey = "e2e-" + System.nanoTime();
    HttpResponse<String> answer = post("""
        {"summary":"checkout p99 latency above 2s","source":"synthetic-probe","severity":"critical",
         "service":"checkout","dedupKey":"%s","labels":{"region":"us-east-1"}}""".formatted(dedupKey),
        "Bearer " + KafkaStack.TEST_API_KEY);

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.body()).contains("\"fingerprint\":\"" + dedupKey + "\"");

    ConsumerRecord<String, byte[]> record = onlyRecord(stack, dedupKey);
    byte[] bytes = record.value();
    assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    int schemaId = WireFormat.schemaIdOf(bytes);
    Schema registered = stack.registryClient().schemaById(schemaId);
    assertThat(registered.getFullName()).isEqualTo(AlertRaised.class.getName());
    assertThat(stack.registryClient().subjects()).contains("alerts-" + AlertRaised.class.getName());

    LifelineAvroDeserializer deserializer = new LifelineAvroDeserializer(stack.registryClient());
    AlertRaised event = (AlertRaised) deserializer.deserialize(Topics.ALERTS.name(), bytes);
    assertThat(event.getSeverity()).isEqualTo(Severity.SEV1);
    assertThat(event.getSummary()).isEqualTo("checkout p99 latency above 2s");
    assertThat(event.getLabels()).containsEntry("region", "us-east-1");
  }

  @Test
  void aWriteWithoutTheApiKeyIsRefusedAsProblemJson() throws Exception {
    HttpResponse<String> answer = post("{\"summary\":\"x\",\"source\":\"y\"}", null);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void anInvalidAlertGetsEveryReasonAsProblemJson() throws Exception {
    HttpResponse<String> answer = post("{\"summary\":\"\",\"severity\":\"urgent\"}", "Bearer " + KafkaStack.TEST_API_KEY);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("summary is required", "source is required", "severity 'urgent'");
  }

  @Test
  void aResolvedStatusBecomesAlertResolvedWithTheSameFingerprint(KafkaStack stack) throws Exception {
    String dedupKey = "e2e-resolve-" + System.nanoTime();
    HttpResponse<String> answer = post("""
        {"summary":"disk full","source":"host-7","dedupKey":"%s","status":"resolved"}""".formatted(dedupKey),
        "Bearer " + KafkaStack.TEST_API_KEY);

    assertThat(answer.statusCode()).isEqualTo(202);
    var event = new LifelineAvroDeserializer(stack.registryClient())
        .deserialize(Topics.ALERTS.name(), onlyRecord(stack, dedupKey).value());
    assertThat(event).isInstanceOfSatisfying(AlertResolved.class,
        resolved -> assertThat(resolved.getFingerprint()).isEqualTo(dedupKey));
  }

  @Test
  void anOversizedBodyIsRefusedWith413BeforeItIsParsed() throws Exception {
    String huge = "{\"summary\":\"" + "x".repeat(1_100_000) + "\",\"source\":\"y\"}";

    HttpResponse<String> answer = post(huge, "Bearer " + KafkaStack.TEST_API_KEY);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void aChunkedBodyWithoutLengthIsReadUpToTheLimitAndRefusedBeyondIt() throws Exception {
    String small = "{\"summary\":\"chunked\",\"source\":\"chunky\",\"dedupKey\":\"chunked-" + System.nanoTime() + "\"}";
    String huge = "{\"summary\":\"" + "x".repeat(1_100_000) + "\",\"source\":\"y\"}";

    assertThat(postChunked(small).statusCode()).isEqualTo(202);
    assertThat(postChunked(huge).statusCode()).isEqualTo(413);
  }

  private HttpResponse<String> postChunked(String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + KafkaStack.TEST_API_KEY)
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void unknownFieldsAndBrokenJsonAreMalformedNotServerErrors() throws Exception {
    HttpResponse<String> unknownField = post("{\"summary\":\"x\",\"source\":\"y\",\"sevrity\":\"SEV1\"}",
        "Bearer " + KafkaStack.TEST_API_KEY);
    HttpResponse<String> broken = post("{\"summary\":", "Bearer " + KafkaStack.TEST_API_KEY);

    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(unknownField.body()).contains("sevrity").doesNotContain("at com.fasterxml");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("Malformed request");
  }

  @Test
  void servesItsOpenApiDocument() throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/openapi.yaml")).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("openapi: 3.1.0", "/api/v1/alerts:", "GenericAlert");
  }

  private HttpResponse<String> post(String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/alerts"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ConsumerRecord<String, byte[]> onlyRecord(KafkaStack stack, String key) {
    List<ConsumerRecord<String, byte[]>> records = AlertsTopic.recordsUpToNow(stack, key);
    assertThat(records).as("events keyed %s on %s", key, Topics.ALERTS.name()).hasSize(1);
    return records.getFirst();
  }
}
