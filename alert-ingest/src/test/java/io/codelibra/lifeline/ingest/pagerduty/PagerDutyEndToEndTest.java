package io.codelibra.lifeline.ingest.pagerduty;

import static io.codelibra.lifeline.ingest.pagerduty.PagerDutyEventReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertAcknowledged;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.ingest.AlertsTopic;
import io.codelibra.lifeline.ingest.ReceiversEndToEnd;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PagerDuty Events API v2 events over real HTTP into the real broker, read back with the registry serde. */
@ReceiversEndToEnd
class PagerDutyEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  /** The fixture sent with the configured routing key and, when given, this dedup key. */
  private static ObjectNode event(String fixture, String routingKey, String dedupKey) {
    ObjectNode event = fixture(fixture);
    event.put("routing_key", routingKey);
    if (dedupKey != null) {
      event.put("dedup_key", dedupKey);
    }
    return event;
  }

  private static String uniqueDedupKey() {
    return "srv01/mysql-" + UUID.randomUUID();
  }

  @Test
  void aTriggerIsAnsweredAsPagerDutyDoesAndRaisedForTheRoutingKeysService(KafkaStack stack) throws Exception {
    String dedupKey = uniqueDedupKey();

    HttpResponse<String> answer = enqueue(event("trigger.json", ReceiversEndToEnd.ROUTING_KEY, dedupKey).toString());

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(
        "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + dedupKey + "\"}"));

    AlertRaised raised = (AlertRaised) AlertsTopic.event(stack, dedupKey);
    assertThat(raised.getSourceType()).isEqualTo(AlertSourceType.pagerduty);
    assertThat(raised.getSource()).isEqualTo("pagerduty:pd");
    assertThat(raised.getFingerprint()).isEqualTo(dedupKey);
    assertThat(raised.getSeverity()).isEqualTo(Severity.SEV1);
    assertThat(raised.getSourceSeverity()).isEqualTo("critical");
    assertThat(raised.getService()).isEqualTo("checkout");
    assertThat(raised.getSummary()).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");
    assertThat(JSON.readTree(raised.getDetails()).get("free space").asText()).isEqualTo("1%");
    assertThat(raised.getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("component", "mysql",
        "group", "prod-datapipe", "class", "disk", "source", "prod-datapipe03.example.com"));
    assertThat(raised.getAnnotations()).containsKeys("link.0", "image.0").containsEntry("client", "Sample Monitoring Service");
    assertThat(raised.getExternalUrl()).isEqualTo("https://monitoring.service.com");
    assertThat(raised.getStartsAt()).isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
    assertThat(raised.getRawPayload()).contains(dedupKey).doesNotContain(ReceiversEndToEnd.ROUTING_KEY);
  }

  @Test
  void aTriggerWithoutDedupKeyGetsOneAndItIsTheAlertsKey(KafkaStack stack) throws Exception {
    HttpResponse<String> answer = enqueue(
        event("trigger-without-dedup-key.json", ReceiversEndToEnd.ROUTING_KEY, null).toString());

    assertThat(answer.statusCode()).isEqualTo(202);
    String dedupKey = JSON.readTree(answer.body()).get("dedup_key").asText();
    assertThat(dedupKey).matches("[0-9a-f]{32}");
    AlertRaised raised = (AlertRaised) AlertsTopic.event(stack, dedupKey);
    assertThat(raised.getSeverity()).as("info").isEqualTo(Severity.SEV4);
    assertThat(raised.getService()).isEqualTo("checkout");
  }

  @Test
  void acknowledgeAndResolveFollowTheTriggerUnderTheSameKey(KafkaStack stack) throws Exception {
    String dedupKey = uniqueDedupKey();

    for (String fixture : List.of("trigger.json", "acknowledge.json", "resolve.json")) {
      HttpResponse<String> answer = enqueue(event(fixture, ReceiversEndToEnd.ROUTING_KEY, dedupKey).toString());
      assertThat(answer.statusCode()).as(fixture).isEqualTo(202);
      assertThat(JSON.readTree(answer.body()).get("dedup_key").asText()).isEqualTo(dedupKey);
    }

    List<SpecificRecord> events = AlertsTopic.eventsByKey(stack, Map.of(dedupKey, 3)).get(dedupKey);
    assertThat(events).extracting(event -> event.getClass().getSimpleName())
        .containsExactly("AlertRaised", "AlertAcknowledged", "AlertResolved");
    AlertAcknowledged acknowledged = (AlertAcknowledged) events.get(1);
    assertThat(acknowledged.getService()).isEqualTo("checkout");
    assertThat(acknowledged.getActor().getType()).isEqualTo(ActorType.integration);
    assertThat(acknowledged.getActor().getId()).isEqualTo("pd");
    AlertResolved resolved = (AlertResolved) events.get(2);
    assertThat(resolved.getFingerprint()).isEqualTo(dedupKey);
    assertThat(resolved.getSource()).isEqualTo("pagerduty:pd");
  }

  @Test
  void anUnknownRoutingKeyIsAnInvalidEventAsPagerDutyAnswersIt() throws Exception {
    for (String routingKey : List.of("0123456789abcdef0123456789abcdef", ReceiversEndToEnd.ALERTMANAGER_TOKEN, "")) {
      HttpResponse<String> answer = enqueue(event("trigger.json", routingKey, uniqueDedupKey()).toString());

      assertThat(answer.statusCode()).as(routingKey).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(
          "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"Invalid routing key\"]}"));
    }
  }

  @Test
  void anInvalidEventGetsEveryErrorInPagerDutysShape() throws Exception {
    ObjectNode trigger = event("trigger.json", ReceiversEndToEnd.ROUTING_KEY, uniqueDedupKey());
    ObjectNode payload = (ObjectNode) trigger.get("payload");
    payload.remove("summary");
    payload.put("severity", "sev1");
    ObjectNode acknowledge = event("acknowledge.json", ReceiversEndToEnd.ROUTING_KEY, null);
    acknowledge.remove("dedup_key");

    assertThat(JSON.readTree(enqueue(trigger.toString()).body())).isEqualTo(JSON.readTree("""
        {"status":"invalid event","message":"Event object is invalid","errors":[
          "'payload.summary' is missing or blank",
          "'payload.severity' is invalid (must be one of: critical, error, warning, info)"]}"""));
    HttpResponse<String> answer = enqueue(acknowledge.toString());
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree("""
        {"status":"invalid event","message":"Event object is invalid","errors":[
          "'dedup_key' is missing or blank (required for acknowledge and resolve)"]}"""));
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnrecognizedObject() throws Exception {
    for (String body : List.of("{\"routing_key\":", "[]", "")) {
      HttpResponse<String> answer = enqueue(body);

      assertThat(answer.statusCode()).as(body).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
      JsonNode error = JSON.readTree(answer.body());
      assertThat(error.get("status").asText()).isEqualTo("Unrecognized object");
      assertThat(error.get("message").asText()).isEqualTo("Event object format is unrecognized");
    }
  }

  @Test
  void overItsRateLimitARoutingKeyIsThrottledAsPagerDutyDoes() throws Exception {
    String first = enqueue(event("trigger.json", ReceiversEndToEnd.SLOW_ROUTING_KEY, uniqueDedupKey()).toString()).body();
    HttpResponse<String> answer = enqueue(
        event("trigger.json", ReceiversEndToEnd.SLOW_ROUTING_KEY, uniqueDedupKey()).toString());

    assertThat(JSON.readTree(first).get("status").asText()).isEqualTo("success");
    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree("{\"status\":\"throttle exceeded\","
        + "\"message\":\"Requests for this service are arriving too quickly.  Please retry later.\"}"));
  }

  private HttpResponse<String> enqueue(String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PagerDutyEventController.PATH))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
