package io.codelibra.lifeline.ingest.alertmanager;

import static io.codelibra.lifeline.ingest.alertmanager.AlertmanagerWebhookReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/** Alertmanager's webhook over real HTTP into the real broker, read back with the registry serde. */
@ReceiversEndToEnd
class AlertmanagerEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  /** The fixture with fingerprints no other test (or earlier run on this broker) has used. */
  private static ObjectNode unique(String fixture) {
    ObjectNode webhook = fixture(fixture);
    String run = UUID.randomUUID().toString().substring(0, 8);
    webhook.get("alerts").forEach(alert -> {
      ObjectNode each = (ObjectNode) alert;
      if (each.has("fingerprint")) {
        each.put("fingerprint", each.get("fingerprint").asText() + "-" + run);
      } else {
        ((ObjectNode) each.get("labels")).put("run", run);
      }
    });
    return webhook;
  }

  private static String keyOf(ObjectNode webhook, int alert) {
    return "alertmanager:" + webhook.get("alerts").get(alert).get("fingerprint").asText();
  }

  @Test
  void everyAlertOfAGroupIsOnTheAlertsTopicWhenTheAnswerIs200(KafkaStack stack) throws Exception {
    ObjectNode webhook = unique("group-firing-and-resolved.json");

    HttpResponse<String> answer = post(webhook.toString(), "Bearer " + ReceiversEndToEnd.ALERTMANAGER_TOKEN);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree("{\"status\":\"accepted\",\"events\":2}"));
    Map<String, List<SpecificRecord>> events = AlertsTopic.eventsByKey(stack,
        Map.of(keyOf(webhook, 0), 1, keyOf(webhook, 1), 1));

    AlertRaised raised = (AlertRaised) events.get(keyOf(webhook, 0)).getFirst();
    assertThat(raised.getSourceType()).isEqualTo(AlertSourceType.alertmanager);
    assertThat(raised.getSource()).isEqualTo("alertmanager:lifeline");
    assertThat(raised.getFingerprint()).isEqualTo(keyOf(webhook, 0));
    assertThat(raised.getSeverity()).isEqualTo(Severity.SEV3);
    assertThat(raised.getSourceSeverity()).isEqualTo("warning");
    assertThat(raised.getService()).as("routed by team=\"payments\"").isEqualTo("payments");
    assertThat(raised.getSummary()).startsWith("Pod payments/payments-api-7d9f8b6c5-x2k4q (api) is in waiting state");
    assertThat(raised.getDetails()).contains("It restarted 5 times");
    assertThat(raised.getLabels()).containsEntry("pod", "payments-api-7d9f8b6c5-x2k4q").containsEntry("team", "payments");
    assertThat(raised.getAnnotations()).containsKey("runbook_url");
    assertThat(raised.getExternalUrl()).startsWith("http://prometheus.monitoring:9090/graph?g0.expr=");
    assertThat(raised.getStartsAt()).isEqualTo(Instant.parse("2024-05-14T08:21:07.412Z"));
    JsonNode raw = JSON.readTree(raised.getRawPayload());
    assertThat(raw.get("groupKey").asText()).isEqualTo(webhook.get("groupKey").asText());
    assertThat(raw.get("alert")).isEqualTo(webhook.get("alerts").get(0));

    AlertResolved resolved = (AlertResolved) events.get(keyOf(webhook, 1)).getFirst();
    assertThat(resolved.getService()).isEqualTo("payments");
    assertThat(resolved.getEndsAt()).isEqualTo(Instant.parse("2024-05-14T08:20:07.412Z"));
    assertThat(resolved.getReason()).isNull();
  }

  @Test
  void aCriticalAlertIsSev1AndItsResolutionCarriesTheSameFingerprint(KafkaStack stack) throws Exception {
    ObjectNode firing = unique("firing.json");
    ObjectNode resolved = fixture("resolved.json");
    ((ObjectNode) resolved.get("alerts").get(0)).put("fingerprint", firing.get("alerts").get(0).get("fingerprint").asText());
    String key = keyOf(firing, 0);

    assertThat(post(firing.toString(), "Bearer " + ReceiversEndToEnd.ALERTMANAGER_TOKEN).statusCode()).isEqualTo(200);
    assertThat(post(resolved.toString(), "bearer " + ReceiversEndToEnd.ALERTMANAGER_TOKEN).statusCode()).isEqualTo(200);

    List<SpecificRecord> events = AlertsTopic.eventsByKey(stack, Map.of(key, 2)).get(key);
    AlertRaised raised = (AlertRaised) events.get(0);
    assertThat(raised.getSeverity()).isEqualTo(Severity.SEV1);
    assertThat(raised.getService()).as("routed by job=~\"http_.*\"").isEqualTo("web-probes");
    assertThat(raised.getSummary()).isEqualTo("BlackBox Probe Failure: https://server.example.org");
    assertThat(raised.getExternalUrl())
        .isEqualTo("http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0&g0.tab=1");
    AlertResolved resolution = (AlertResolved) events.get(1);
    assertThat(resolution.getFingerprint()).isEqualTo(key);
    assertThat(resolution.getEndsAt()).isEqualTo(Instant.parse("2023-02-06T13:23:45.828Z"));
  }

  @Test
  void anAlertWithoutFingerprintIsKeyedByAlertmanagersOwnFingerprintOfItsLabels(KafkaStack stack) throws Exception {
    ObjectNode webhook = unique("without-fingerprint.json");
    Map<String, String> labels = JSON.convertValue(webhook.get("alerts").get(0).get("labels"),
        JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    String key = "alertmanager:" + AlertmanagerFingerprint.of(labels);

    assertThat(post(webhook.toString(), "Bearer " + ReceiversEndToEnd.ALERTMANAGER_TOKEN).statusCode()).isEqualTo(200);

    AlertRaised raised = (AlertRaised) AlertsTopic.event(stack, key);
    assertThat(raised.getSummary()).isEqualTo("some description");
    assertThat(raised.getSeverity()).as("no severity label: the table's fallback").isEqualTo(Severity.SEV2);
    assertThat(raised.getService()).as("no route matches, no default route").isNull();
  }

  @Test
  void aMissingOrWrongTokenIsRefusedWith401ProblemJson() throws Exception {
    String body = unique("firing.json").toString();

    for (String authorization : new String[] {null, "Bearer wrong-token", "Basic YW06YW0tdG9rZW4=",
        "Bearer " + ReceiversEndToEnd.ROUTING_KEY}) {
      HttpResponse<String> answer = post(body, authorization);

      assertThat(answer.statusCode()).as(authorization).isEqualTo(401);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(answer.body()).doesNotContain("am-token").doesNotContain("Exception");
    }
  }

  @Test
  void anInvalidPayloadGetsEveryProblemAsProblemJson() throws Exception {
    ObjectNode webhook = unique("firing.json");
    webhook.put("version", "3");
    webhook.remove("receiver");
    ((ObjectNode) webhook.get("alerts").get(0)).put("status", "pending").put("startsAt", "yesterday");

    HttpResponse<String> answer = post(webhook.toString(), "Bearer " + ReceiversEndToEnd.ALERTMANAGER_TOKEN);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("title").asText()).isEqualTo("Invalid alert");
    assertThat(problem.get("errors")).isEqualTo(JSON.valueToTree(List.of(
        "version '3' is not supported; only payload version 4 is",
        "receiver is required",
        "alerts[0].status 'pending' is not one of firing, resolved",
        "alerts[0].startsAt 'yesterday' is not an RFC 3339 time")));
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() throws Exception {
    HttpResponse<String> answer = post("{\"version\":\"4\",", "Bearer " + ReceiversEndToEnd.ALERTMANAGER_TOKEN);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(answer.body()).get("title").asText()).isEqualTo("Malformed request");
  }

  @Test
  void overItsRateLimitAnIntegrationGets429WithRetryAfter() throws Exception {
    String authorization = "Bearer " + ReceiversEndToEnd.SLOW_ALERTMANAGER_TOKEN;

    assertThat(post(unique("firing.json").toString(), authorization).statusCode()).isEqualTo(200);
    HttpResponse<String> answer = post(unique("firing.json").toString(), authorization);

    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private HttpResponse<String> post(String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + AlertmanagerWebhookController.PATH))
        .header("Content-Type", "application/json")
        .header("User-Agent", "Alertmanager/0.27.0")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
