package io.codelibra.lifeline.ingest.cloudwatch;

import io.codelibra.lifeline.ingest.AlertsTopic;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.TOPIC;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.alarm;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.envelope;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.json;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.sign;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.signedNotification;
import static io.codelibra.lifeline.ingest.cloudwatch.SignedSnsMessages.snsKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SNS as it really talks to the receiver: signed envelopes posted as text/plain, the signing
 * certificate fetched from a local server standing in for sns.&lt;region&gt;.amazonaws.com, events
 * read back from the real broker with the registry serde.
 */
@WithKafkaStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "lifeline.ingest.integrations.cloudwatch-e2e.type=sns",
    "lifeline.ingest.integrations.cloudwatch-e2e.sns-topic-arns[0]=" + TOPIC,
    "lifeline.ingest.integrations.cloudwatch-e2e.service=checkout",
    // The local server stands in for SNS: plain http on 127.0.0.1 (and only that host).
    "lifeline.ingest.sns.signing-cert-host-pattern=^127[.]0[.]0[.]1$",
    "lifeline.ingest.sns.subscribe-url-host-pattern=^127[.]0[.]0[.]1$",
    "lifeline.ingest.sns.require-https=false"})
class CloudWatchSnsEndToEndTest {

  /** Every request the stand-in SNS host saw: method, path and query. */
  private static final List<String> SNS_HOST_REQUESTS = new CopyOnWriteArrayList<>();
  private static final HttpServer SNS_HOST = startSnsHost();

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @AfterAll
  static void stopSnsHost() {
    SNS_HOST.stop(0);
  }

  @Test
  void aSignedAlarmIsRaisedAndItsOkResolvesTheSameFingerprint(KafkaStack stack) throws Exception {
    String arn = uniqueAlarmArn("checkout-api-5xx");
    Map<String, Object> alarm = alarm("alarm-state-alarm.json");
    alarm.put("AlarmArn", arn);

    HttpResponse<String> raised = post(signedNotification(alarm, snsUrl("/cert.pem"), snsKey(), "2"), "text/plain; charset=UTF-8");

    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
    assertThat(raised.body()).contains("\"status\":\"accepted\"", "\"fingerprint\":\"" + arn + "\"");
    List<SpecificRecord> events = AlertsTopic.eventsUpToNow(stack, arn);
    assertThat(events).hasSize(1).first().isInstanceOf(AlertRaised.class);
    AlertRaised event = (AlertRaised) events.getFirst();
    assertThat(event.getFingerprint()).isEqualTo(arn);
    assertThat(event.getSourceType()).isEqualTo(AlertSourceType.cloudwatch);
    assertThat(event.getSource()).isEqualTo("cloudwatch:123456789012");
    assertThat(event.getService()).isEqualTo("checkout");
    assertThat(event.getSeverity()).isEqualTo(Severity.SEV2);
    assertThat(event.getSourceSeverity()).isEqualTo("ALARM");
    assertThat(event.getSummary()).startsWith("checkout-api-5xx: Checkout API returns 5xx");
    assertThat(event.getDetails()).startsWith("Threshold Crossed");
    assertThat(event.getLabels()).containsEntry("region", "us-east-1")
        .containsEntry("dimension_LoadBalancer", "app/checkout-alb/50dc6c495c0c9188");
    assertThat(event.getStartsAt()).isEqualTo(Instant.parse("2025-09-16T16:59:17.131Z"));
    assertThat(event.getRawPayload()).contains("\"SigningCertURL\"", arn).doesNotContain("UnsubscribeURL");

    Map<String, Object> ok = alarm("alarm-state-ok.json");
    ok.put("AlarmArn", arn);
    HttpResponse<String> resolved = post(signedNotification(ok, snsUrl("/cert.pem"), snsKey(), "1"), "application/json");

    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
    events = AlertsTopic.eventsUpToNow(stack, arn);
    assertThat(events).hasSize(2);
    assertThat(events.get(1)).isInstanceOfSatisfying(AlertResolved.class, event2 -> {
      assertThat(event2.getFingerprint()).isEqualTo(event.getFingerprint());
      assertThat(event2.getEndsAt()).isEqualTo(Instant.parse("2025-09-16T17:12:03.402Z"));
      assertThat(event2.getReason()).startsWith("Threshold Crossed: 1 out of the last 2");
    });
  }

  @Test
  void aForgedSignatureIsRefusedWith401AndNothingIsPublished(KafkaStack stack) throws Exception {
    String arn = uniqueAlarmArn("forged");
    Map<String, Object> alarm = alarm("alarm-state-alarm.json");
    alarm.put("AlarmArn", arn);
    Map<String, Object> envelope = envelope("sns-notification.json");
    envelope.put("SigningCertURL", snsUrl("/cert.pem"));
    envelope.put("Message", json(alarm("alarm-state-ok.json")));
    sign(envelope, snsKey(), "2");
    // A valid signature over another message, with this alarm's text swapped in.
    envelope.put("Message", json(alarm));

    HttpResponse<String> answer = post(json(envelope), "text/plain; charset=UTF-8");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.body()).contains("SNS signature does not verify");
    assertThat(AlertsTopic.eventsUpToNow(stack, arn)).isEmpty();
  }

  @Test
  void aCertificateUrlOutsideTheAllowListIsRefusedWithoutBeingFetched(KafkaStack stack) throws Exception {
    String arn = uniqueAlarmArn("untrusted-cert");
    Map<String, Object> alarm = alarm("alarm-state-alarm.json");
    alarm.put("AlarmArn", arn);
    String certUrl = "http://localhost:" + SNS_HOST.getAddress().getPort() + "/untrusted-cert.pem";

    HttpResponse<String> answer = post(signedNotification(alarm, certUrl, snsKey(), "2"), "text/plain; charset=UTF-8");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("SigningCertURL is not on the allow-list");
    assertThat(SNS_HOST_REQUESTS).noneMatch(request -> request.contains("untrusted-cert"));
    assertThat(AlertsTopic.eventsUpToNow(stack, arn)).isEmpty();
  }

  @Test
  void aSignedSubscriptionConfirmationIsConfirmedByGettingTheSubscribeUrl() throws Exception {
    String token = "token-" + System.nanoTime();
    Map<String, Object> envelope = confirmation("sns-subscription-confirmation.json", "127.0.0.1", token);

    HttpResponse<String> answer = post(json(sign(envelope, snsKey(), "1")), "text/plain; charset=UTF-8");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("\"status\":\"subscribed\"");
    assertThat(SNS_HOST_REQUESTS).contains(
        "GET /confirm?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=" + token);
  }

  @Test
  void aSubscribeUrlOutsideTheAllowListIsNeverVisited() throws Exception {
    String token = "token-" + System.nanoTime();
    Map<String, Object> envelope = confirmation("sns-subscription-confirmation.json", "localhost", token);

    HttpResponse<String> answer = post(json(sign(envelope, snsKey(), "2")), "text/plain; charset=UTF-8");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("SubscribeURL is not on the allow-list");
    assertThat(SNS_HOST_REQUESTS).noneMatch(request -> request.contains(token));
  }

  @Test
  void anUnsubscribeConfirmationIsAnsweredButNeverResubscribes() throws Exception {
    String token = "token-" + System.nanoTime();
    Map<String, Object> envelope = confirmation("sns-unsubscribe-confirmation.json", "127.0.0.1", token);

    HttpResponse<String> answer = post(json(sign(envelope, snsKey(), "2")), "text/plain; charset=UTF-8");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("\"status\":\"unsubscribed\"");
    assertThat(SNS_HOST_REQUESTS).noneMatch(request -> request.contains(token));
  }

  @Test
  void aTopicNoIntegrationAllowsIsRefusedWith403() throws Exception {
    Map<String, Object> envelope = envelope("sns-notification.json");
    envelope.put("TopicArn", "arn:aws:sns:us-east-1:999999999999:someone-elses-topic");
    envelope.put("SigningCertURL", snsUrl("/cert.pem"));

    HttpResponse<String> answer = post(json(sign(envelope, snsKey(), "2")), "text/plain; charset=UTF-8");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("is not allowed by any SNS integration");
  }

  @Test
  void aSignedNotificationThatIsNotACloudWatchAlarmIsRefusedWith400() throws Exception {
    Map<String, Object> envelope = envelope("sns-notification.json");
    envelope.put("Message", "Hello world!");
    envelope.put("SigningCertURL", snsUrl("/cert.pem"));

    HttpResponse<String> answer = post(json(sign(envelope, snsKey(), "2")), "text/plain; charset=UTF-8");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("Message is not CloudWatch alarm JSON");
  }

  private static Map<String, Object> confirmation(String fixture, String host, String token) {
    Map<String, Object> envelope = envelope(fixture);
    envelope.put("Token", token);
    envelope.put("SubscribeURL", "http://" + host + ":" + SNS_HOST.getAddress().getPort()
        + "/confirm?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=" + token);
    envelope.put("SigningCertURL", snsUrl("/cert.pem"));
    return envelope;
  }

  private HttpResponse<String> post(String body, String contentType) throws Exception {
    Map<String, Object> envelope = SignedSnsMessages.envelopeOf(body);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/integrations/sns"))
        .header("Content-Type", contentType)
        .header("x-amz-sns-message-type", (String) envelope.get("Type"))
        .header("x-amz-sns-message-id", (String) envelope.get("MessageId"))
        .header("x-amz-sns-topic-arn", (String) envelope.get("TopicArn"))
        .header("User-Agent", "Amazon Simple Notification Service Agent")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String uniqueAlarmArn(String name) {
    return "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name + "-" + System.nanoTime();
  }

  private static String snsUrl(String path) {
    return "http://127.0.0.1:" + SNS_HOST.getAddress().getPort() + path;
  }

  private static HttpServer startSnsHost() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        URI uri = exchange.getRequestURI();
        SNS_HOST_REQUESTS.add(exchange.getRequestMethod() + " " + uri.getPath()
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        byte[] body = switch (uri.getPath()) {
          case "/cert.pem", "/untrusted-cert.pem" -> snsKey().certificatePem().getBytes(StandardCharsets.US_ASCII);
          case "/confirm" -> """
              <ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                <ConfirmSubscriptionResult><SubscriptionArn>%s:0f5a6ac4</SubscriptionArn></ConfirmSubscriptionResult>
              </ConfirmSubscriptionResponse>""".formatted(TOPIC).getBytes(StandardCharsets.UTF_8);
          default -> null;
        };
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          if (body != null) {
            out.write(body);
          }
        }
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
