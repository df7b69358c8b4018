package io.codelibra.lifeline.escalation.notify;

import static io.codelibra.lifeline.escalation.notify.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.runtime.webhook.WebhookSignature;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

  private static final String SECRET = "whsec-test-4f1c9a";
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:31Z"), ZoneOffset.UTC);

  private RecordingHttpServer endpoint;
  private JsonPoster http;

  @BeforeEach
  void start() throws Exception {
    endpoint = RecordingHttpServer.start();
    http = new JsonPoster(Duration.ofSeconds(1), Duration.ofMillis(500));
  }

  @AfterEach
  void stop() {
    endpoint.close();
    http.close();
  }

  private WebhookSender sender(Map<String, URI> endpoints) {
    return new WebhookSender(http, new HttpEndpoints(endpoints), new WebhookSignature(SECRET), CLOCK);
  }

  @Test
  void signsTheExactBodyBytesWithHmacSha256OfTheSecret() throws Exception {
    Delivery delivery = sender(Map.of()).send(request(NotificationChannel.webhook, endpoint.url("/hook").toString())
        .build());

    RecordingHttpServer.Received received = endpoint.take();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(received.header("X-Lifeline-Signature"))
        .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(received.body())));
    assertThat(received.header("X-Lifeline-Timestamp")).isEqualTo("1772360131");
    assertThat(received.header("X-Lifeline-Notification-Id")).isEqualTo("ntf-1");
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.path()).isEqualTo("/hook");
    assertThat(received.header("Content-Type")).startsWith("application/json");
    assertThat(delivery).isEqualTo(new Delivery.Accepted(200, null));
  }

  @Test
  void theBodyDescribesTheNotification() throws Exception {
    sender(Map.of()).send(request(NotificationChannel.webhook, endpoint.url("/hook").toString()).build());

    JsonNode body = JsonMapper.builder().build().readTree(endpoint.take().body());
    assertThat(body.get("notificationId").asText()).isEqualTo("ntf-1");
    assertThat(body.get("incidentId").asText()).isEqualTo("inc-42");
    assertThat(body.get("kind").asText()).isEqualTo("incident_opened");
    assertThat(body.get("subject").asText()).isEqualTo("[SEV1] checkout: 5xx rate above 5%");
    assertThat(body.get("body").asText()).startsWith("Incident inc-42 on checkout");
    assertThat(body.get("severity").asText()).isEqualTo("SEV1");
    assertThat(body.get("urgency").asText()).isEqualTo("high");
    assertThat(body.get("urls").get("incident").asText())
        .isEqualTo("https://lifeline.example.com/api/v1/incidents/inc-42");
    assertThat(body.get("urls").get("acknowledge").asText())
        .isEqualTo("https://lifeline.example.com/api/v1/incidents/inc-42/acknowledge");
    assertThat(body.get("occurredAt").asText()).isEqualTo("2026-03-01T10:15:30Z");
    assertThat(body.has("recipient")).isFalse();
  }

  @Test
  void aRecipientNamingAConfiguredEndpointIsSentThere() throws Exception {
    Delivery delivery = sender(Map.of("ops", endpoint.url("/ops-hook")))
        .send(request(NotificationChannel.webhook, "ops").build());

    assertThat(endpoint.take().path()).isEqualTo("/ops-hook");
    assertThat(delivery).isInstanceOf(Delivery.Accepted.class);
  }

  @Test
  void aRecipientThatIsNeitherANameNorAUrlFailsWithoutRetry() {
    Delivery delivery = sender(Map.of()).send(request(NotificationChannel.webhook, "nobody-configured-this").build());

    assertThat(delivery).isInstanceOfSatisfying(Delivery.Failed.class, failed -> {
      assertThat(failed.retryable()).isFalse();
      assertThat(failed.error()).contains("neither a configured webhook endpoint name nor an http(s) URL");
    });
    assertThat(endpoint.requestCount()).isZero();
  }

  @Test
  void aServerErrorIsWorthRetryingAndARejectionIsNot() {
    endpoint.thenAnswer(503, "busy").thenAnswer(404, "no such hook");
    WebhookSender sender = sender(Map.of());
    String url = endpoint.url("/hook").toString();

    assertThat(sender.send(request(NotificationChannel.webhook, url).build()))
        .isEqualTo(new Delivery.Failed(503, "HTTP 503: busy", true));
    assertThat(sender.send(request(NotificationChannel.webhook, url).build()))
        .isEqualTo(new Delivery.Failed(404, "HTTP 404: no such hook", false));
  }

  @Test
  void anEndpointThatDoesNotAnswerInTimeIsWorthRetrying() {
    endpoint.thenAnswerAfter(Duration.ofSeconds(2), 200);

    Delivery delivery = sender(Map.of()).send(request(NotificationChannel.webhook, endpoint.url("/slow").toString())
        .build());

    assertThat(delivery).isInstanceOfSatisfying(Delivery.Failed.class, failed -> {
      assertThat(failed.retryable()).isTrue();
      assertThat(failed.responseCode()).isNull();
      assertThat(failed.error()).startsWith("no answer from the endpoint: ");
    });
  }

  @Test
  void anUnreachableEndpointIsWorthRetryingAndItsUrlStaysOutOfTheError() {
    URI closed = endpoint.url("/hooks/T0K3N-in-the-path");
    endpoint.close();

    Delivery delivery = sender(Map.of()).send(request(NotificationChannel.webhook, closed.toString()).build());

    assertThat(delivery).isInstanceOfSatisfying(Delivery.Failed.class, failed -> {
      assertThat(failed.retryable()).isTrue();
      assertThat(failed.error()).startsWith("no answer from the endpoint: ").doesNotContain("T0K3N")
          .doesNotContain(closed.toString());
    });
  }

  @Test
  void withoutASecretTheWebhookIsSentUnsigned() throws Exception {
    new WebhookSender(http, new HttpEndpoints(Map.of()), null, CLOCK)
        .send(request(NotificationChannel.webhook, endpoint.url("/hook").toString()).build());

    RecordingHttpServer.Received received = endpoint.take();
    assertThat(received.header("X-Lifeline-Signature")).isNull();
    assertThat(received.header("X-Lifeline-Timestamp")).isEqualTo("1772360131");
  }
}
