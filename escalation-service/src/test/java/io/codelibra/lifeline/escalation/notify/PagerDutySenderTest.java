package io.codelibra.lifeline.escalation.notify;

import static io.codelibra.lifeline.escalation.notify.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutySenderTest {

  private static final String ROUTING_KEY = "R0UT1NGKEY0123456789ABCDEF012345";
  private static final String ACCEPTED = """
      {"status":"success","message":"Event processed","dedup_key":"inc-42"}""";

  private RecordingHttpServer eventsApi;
  private JsonPoster http;
  private PagerDutySender sender;

  @BeforeEach
  void start() throws Exception {
    eventsApi = RecordingHttpServer.start().otherwiseAnswer(202, ACCEPTED);
    http = new JsonPoster(Duration.ofSeconds(1), Duration.ofSeconds(2));
    sender = new PagerDutySender(http, eventsApi.url("/v2/enqueue"), Map.of("payments", "NAMEDKEY0123456789"));
  }

  @AfterEach
  void stop() {
    eventsApi.close();
    http.close();
  }

  private JsonNode received() throws Exception {
    RecordingHttpServer.Received request = eventsApi.take();
    assertThat(request.path()).isEqualTo("/v2/enqueue");
    return JsonMapper.builder().build().readTree(request.body());
  }

  @Test
  void triggersAnAlertKeyedByTheIncident() throws Exception {
    Delivery delivery = sender.send(request(NotificationChannel.pagerduty, ROUTING_KEY).build());

    JsonNode event = received();
    assertThat(event.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
    assertThat(event.get("event_action").asText()).isEqualTo("trigger");
    assertThat(event.get("dedup_key").asText()).isEqualTo("inc-42");
    JsonNode payload = event.get("payload");
    assertThat(payload.get("summary").asText()).isEqualTo("[SEV1] checkout: 5xx rate above 5%");
    assertThat(payload.get("source").asText()).isEqualTo("lifeline");
    assertThat(payload.get("severity").asText()).isEqualTo("critical");
    assertThat(payload.get("timestamp").asText()).isEqualTo("2026-03-01T10:15:30Z");
    assertThat(payload.get("custom_details").get("incident_id").asText()).isEqualTo("inc-42");
    assertThat(payload.get("custom_details").get("notification_id").asText()).isEqualTo("ntf-1");
    assertThat(payload.get("custom_details").get("escalation_level").asInt()).isEqualTo(1);
    assertThat(event.get("links").get(0).get("href").asText())
        .isEqualTo("https://lifeline.example.com/api/v1/incidents/inc-42");
    assertThat(delivery).isEqualTo(new Delivery.Accepted(202, "inc-42"));
  }

  @ParameterizedTest
  @CsvSource({"incident_acknowledged, acknowledge", "incident_resolved, resolve"})
  void acknowledgesAndResolvesTheSameAlertWithoutAPayload(NotificationKind kind, String action) throws Exception {
    sender.send(request(NotificationChannel.pagerduty, ROUTING_KEY).setKind(kind).build());

    JsonNode event = received();
    assertThat(event.get("event_action").asText()).isEqualTo(action);
    assertThat(event.get("dedup_key").asText()).isEqualTo("inc-42");
    assertThat(event.has("payload")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"incident_opened, trigger", "incident_escalated, trigger", "reminder, trigger", "test, trigger",
      "other, trigger", "incident_acknowledged, acknowledge", "incident_resolved, resolve"})
  void eachKindMapsToAnEventAction(NotificationKind kind, String action) {
    assertThat(PagerDutyEvent.action(kind)).isEqualTo(action);
  }

  @ParameterizedTest
  @CsvSource({"SEV1, critical", "SEV2, error", "SEV3, warning", "SEV4, info"})
  void eachSeverityMapsToAPagerDutySeverity(Severity severity, String expected) {
    assertThat(PagerDutyEvent.severity(severity)).isEqualTo(expected);
  }

  @Test
  void aRecipientNamingAConfiguredRoutingKeyUsesThatKey() throws Exception {
    sender.send(request(NotificationChannel.pagerduty, "payments").build());

    assertThat(received().get("routing_key").asText()).isEqualTo("NAMEDKEY0123456789");
  }

  @Test
  void anInvalidEventIsNotRetriedAndTheKeyStaysOutOfTheError() {
    eventsApi.thenAnswer(400, """
        {"status":"invalid event","message":"Event object is invalid","errors":["bad routing_key %s"]}"""
        .formatted(ROUTING_KEY));

    Delivery delivery = sender.send(request(NotificationChannel.pagerduty, ROUTING_KEY).build());

    assertThat(delivery).isInstanceOfSatisfying(Delivery.Failed.class, failed -> {
      assertThat(failed.retryable()).isFalse();
      assertThat(failed.responseCode()).isEqualTo(400);
      assertThat(failed.error()).contains("Event object is invalid").contains("***").doesNotContain(ROUTING_KEY);
    });
  }

  @Test
  void throttlingIsWorthRetrying() {
    eventsApi.thenAnswer(429, "");

    assertThat(sender.send(request(NotificationChannel.pagerduty, ROUTING_KEY).build()))
        .isEqualTo(new Delivery.Failed(429, "HTTP 429", true));
  }
}
