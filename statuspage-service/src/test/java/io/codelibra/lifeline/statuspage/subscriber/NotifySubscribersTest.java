package io.codelibra.lifeline.statuspage.subscriber;

import static io.codelibra.lifeline.statuspage.subscriber.Pages.NOW;
import static io.codelibra.lifeline.statuspage.subscriber.Pages.email;
import static io.codelibra.lifeline.statuspage.subscriber.Pages.page;
import static io.codelibra.lifeline.statuspage.subscriber.Pages.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.codelibra.lifeline.runtime.webhook.WebhookSignature;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** From a page event to real e-mails (GreenMail) and signed webhooks (a local HTTP receiver). */
class NotifySubscribersTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String SIGNING_SECRET = "whsec-s1gn1ng";
  private static final Pattern UNSUBSCRIBE_LINK =
      Pattern.compile("https://status\\.acme\\.test/subscriptions/([^/]+)/unsubscribe\\?token=([A-Za-z0-9_-]+)");

  private final SubscriptionLinks links = new SubscriptionLinks("l1nk-s3cr3t", URI.create("https://status.acme.test"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final PublishedPage published = new PublishedPage();
  private final Logger subscriberLogs = (Logger) LoggerFactory.getLogger("io.codelibra.lifeline.statuspage.subscriber");
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private RecordingHttpServer receiver;
  private WebhookNoticeSender webhooks;

  @BeforeEach
  void start() throws Exception {
    logs.start();
    subscriberLogs.addAppender(logs);
    receiver = RecordingHttpServer.start();
    webhooks = new WebhookNoticeSender(links, new WebhookSignature(SIGNING_SECRET), Duration.ofSeconds(1),
        Duration.ofSeconds(2), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    subscriberLogs.detachAppender(logs);
    receiver.close();
    webhooks.close();
  }

  private NotifySubscribers notifySubscribers(Duration pageWait, Clock clock) {
    SubscriberNotifier notifier = new SubscriberNotifier(
        List.of(new EmailNoticeSender(Mailers.smtp(smtp.getSmtp().getPort()), "statuspage@localhost", links), webhooks),
        new SubscriptionProperties.Retry(3, Duration.ofMillis(10), 2, Duration.ofMillis(50)), 2, meters);
    return new NotifySubscribers(published, notifier, pageWait, Duration.ofHours(24), clock);
  }

  private NotifySubscribers notifySubscribers() {
    return notifySubscribers(Duration.ofSeconds(2), Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
  }

  private PageSnapshot pageWithSubscribers() {
    return page(List.of(
        email("alice", "alice@example.com", true, "api"),
        email("bob", "bob@example.com", false),
        email("carol", "carol@example.com", true, "billing"),
        webhook("hook", receiver.url("/hooks/statuspage").toString(), "api")));
  }

  private static Message<SpecificRecord> message(SpecificRecord event) {
    return MessageBuilder.withPayload(event).build();
  }

  private static String hexHmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  private static String text(MimeMessage message) {
    return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=").replace("\r\n", "\n");
  }

  private double notifications(String channel, String outcome) {
    return meters.counter(SubscriberNotifier.NOTIFICATIONS_METER, "channel", channel, "outcome", outcome).count();
  }

  @Test
  void mailsTheInterestedConfirmedSubscriberWithAWorkingUnsubscribeLink() throws Exception {
    published.publish(pageWithSubscribers());

    notifySubscribers().accept(message(Pages.incidentUpdate().build()));

    assertThat(smtp.getReceivedMessages()).as("bob has not confirmed; carol follows billing only").hasSize(1);
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    assertThat(mail.getSubject()).isEqualTo("[Acme Status] Investigating: Elevated API errors");
    String body = text(mail);
    assertThat(body)
        .startsWith("Investigating: Elevated API errors\n\nWe are investigating elevated error rates on the API.")
        .contains("Affected components: API\n", "Posted: 1 Mar 2026 11:15 CET\n",
            "Status page: https://status.acme.test\n");
    Matcher link = UNSUBSCRIBE_LINK.matcher(body);
    assertThat(link.find()).as("an unsubscribe link in:\n%s", body).isTrue();
    assertThat(link.group(1)).isEqualTo("alice");
    assertThat(links.unsubscribes("alice", link.group(2))).isTrue();
    assertThat(links.unsubscribes("carol", link.group(2))).isFalse();
    assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + links.unsubscribeUrl("alice") + ">");
    assertThat(notifications("email", "delivered")).isEqualTo(1);
  }

  @Test
  void postsAStatuspageShapedWebhookThatTheReceiverCanVerify() throws Exception {
    published.publish(pageWithSubscribers());

    notifySubscribers().accept(message(Pages.incidentUpdate().build()));

    RecordingHttpServer.Received request = receiver.take();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/hooks/statuspage");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(request.header("X-Lifeline-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(request.header("X-Lifeline-Signature")).isEqualTo("sha256=" + hexHmac(SIGNING_SECRET, request.body()));
    assertThat(request.header("X-Lifeline-Signature")).isNotEqualTo("sha256=" + hexHmac("another secret", request.body()));
    JsonNode json = JsonMapper.builder().build().readTree(request.body());
    assertThat(json.at("/meta/unsubscribe").asString()).isEqualTo(links.unsubscribeUrl("hook").toString());
    assertThat(json.at("/page/id").asString()).isEqualTo("acme");
    assertThat(json.at("/page/status_indicator").asString()).isEqualTo("major");
    assertThat(json.at("/page/status_description").asString()).isEqualTo("Partial System Outage");
    assertThat(json.at("/incident/id").asString()).isEqualTo("si-1");
    assertThat(json.at("/incident/name").asString()).isEqualTo("Elevated API errors");
    assertThat(json.at("/incident/status").asString()).isEqualTo("investigating");
    assertThat(json.at("/incident/impact").asString()).isEqualTo("critical");
    assertThat(json.at("/incident/created_at").asString()).isEqualTo("2026-03-01T10:15:30Z");
    assertThat(json.at("/incident/resolved_at").isNull()).isTrue();
    assertThat(json.at("/incident/components/0/name").asString()).isEqualTo("API");
    assertThat(json.at("/incident/incident_updates/0/id").asString()).isEqualTo("siu-1");
    assertThat(json.at("/incident/incident_updates/0/body").asString())
        .isEqualTo("We are investigating elevated error rates on the API.");
    assertThat(receiver.requestCount()).isZero();
    assertThat(notifications("webhook", "delivered")).isEqualTo(1);
  }

  @Test
  void aScheduledMaintenanceGoesOutWithItsSchedule() throws Exception {
    published.publish(pageWithSubscribers());

    notifySubscribers().accept(message(Pages.maintenanceScheduled()));

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("[Acme Status] Scheduled maintenance: Database upgrade");
    assertThat(text(mail)).contains("The API will be read-only for up to two hours.",
        "Scheduled: 7 Mar 2026 23:00 CET to 8 Mar 2026 01:00 CET");
    JsonNode json = JsonMapper.builder().build().readTree(receiver.take().body());
    assertThat(json.at("/incident/status").asString()).isEqualTo("scheduled");
    assertThat(json.at("/incident/impact").asString()).isEqualTo("maintenance");
    assertThat(json.at("/incident/scheduled_for").asString()).isEqualTo("2026-03-07T22:00:00Z");
    assertThat(json.at("/incident/scheduled_until").asString()).isEqualTo("2026-03-08T00:00:00Z");
  }

  @Test
  void aFailingWebhookIsRetriedCountedAndLoggedByIdWithoutStoppingTheMail() throws Exception {
    receiver.otherwiseAnswer(503, "down for maintenance");
    published.publish(pageWithSubscribers());

    notifySubscribers().accept(message(Pages.incidentUpdate().build()));

    assertThat(receiver.requestCount()).isEqualTo(3);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(notifications("webhook", "failed")).isEqualTo(1);
    assertThat(notifications("email", "delivered")).isEqualTo(1);
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).contains("Subscriber hook was not told", "after 3 attempt(s): HTTP 503"))
        .allSatisfy(line -> assertThat(line).doesNotContain(receiver.url("/hooks/statuspage").toString(),
            "/hooks/statuspage", "alice@example.com", SIGNING_SECRET));
  }

  @Test
  void waitsForThePageToBeRestoredRatherThanSkippingItsSubscribers() throws Exception {
    Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      published.publish(pageWithSubscribers());
    });

    notifySubscribers().accept(message(Pages.incidentUpdate().build()));

    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void failsToTheBinderWhenThePageIsNotRestoredInTime() {
    NotifySubscribers notify = notifySubscribers(Duration.ofMillis(200), Clock.systemUTC());

    assertThatThrownBy(() -> notify.accept(message(Pages.incidentUpdate().build())))
        .isInstanceOf(PageNotRestored.class);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void doesNotSendOutAReplayedHistory() {
    published.publish(pageWithSubscribers());

    notifySubscribers(Duration.ofSeconds(2), Clock.fixed(NOW.plus(Duration.ofHours(25)), ZoneOffset.UTC))
        .accept(message(Pages.incidentUpdate().build()));

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(receiver.requestCount()).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void ignoresTombstones() {
    Message<?> tombstone = MessageBuilder.withPayload(KafkaNull.INSTANCE).build();

    notifySubscribers(Duration.ofMillis(1), Clock.systemUTC()).accept((Message<SpecificRecord>) tombstone);

    assertThat(smtp.getReceivedMessages()).isEmpty();
  }
}
