package io.codelibra.lifeline.escalation.notify;

import static io.codelibra.lifeline.escalation.notify.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationDelivered;
import io.codelibra.lifeline.runtime.webhook.WebhookSignature;
import io.codelibra.lifeline.testing.http.RecordingHttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The notifier logs and publishes why deliveries fail, never the credentials involved. */
class SecretsStayOutOfLogsTest {

  private static final String SIGNING_SECRET = "whsec-D0-N0T-LOG";
  private static final String SLACK_TOKEN = "XOXB-D0-N0T-LOG";
  private static final String ROUTING_KEY = "R0UT1NGKEYD0N0TL0G0000000000000";

  private final Logger notifyLogs = (Logger) LoggerFactory.getLogger("io.codelibra.lifeline.escalation.notify");
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<NotificationDelivered> recorded = new CopyOnWriteArrayList<>();
  private RecordingHttpServer endpoint;
  private JsonPoster http;
  private AttemptTimeout attemptTimeout;

  @BeforeEach
  void start() throws Exception {
    logs.start();
    notifyLogs.addAppender(logs);
    endpoint = RecordingHttpServer.start().otherwiseAnswer(500, "internal error");
    http = new JsonPoster(Duration.ofSeconds(1), Duration.ofSeconds(2));
    attemptTimeout = new AttemptTimeout(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    notifyLogs.detachAppender(logs);
    endpoint.close();
    http.close();
    attemptTimeout.close();
  }

  @Test
  void failingWebhookSlackAndPagerDutyDeliveriesShowNoSecret() {
    URI slackUrl = endpoint.url("/services/T000/B000/" + SLACK_TOKEN);
    Notifier notifier = new Notifier(List.of(
        new WebhookSender(http, new HttpEndpoints(Map.of()), new WebhookSignature(SIGNING_SECRET), Clock.systemUTC()),
        new SlackSender(http, new HttpEndpoints(Map.of())),
        new PagerDutySender(http, endpoint.url("/v2/enqueue"), Map.of())),
        recorded::add, "escalation-service/notifier", attemptTimeout,
        new NotifyProperties.Backoff(Duration.ofMillis(1), 2, Duration.ofMillis(5), Duration.ZERO).toBackOff(),
        Duration.ofMinutes(1), Clock.systemUTC());

    notifier.deliver(request(NotificationChannel.webhook, endpoint.url("/hook").toString()).setMaxAttempts(2).build());
    notifier.deliver(request(NotificationChannel.slack, slackUrl.toString()).setMaxAttempts(2).build());
    notifier.deliver(request(NotificationChannel.pagerduty, ROUTING_KEY).setMaxAttempts(2).build());

    assertThat(recorded).hasSize(6);
    assertThat(logs.list).hasSize(6);
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).allSatisfy(line -> assertThat(line)
        .doesNotContain(SIGNING_SECRET, SLACK_TOKEN, ROUTING_KEY, slackUrl.toString()));
    assertThat(recorded).extracting(NotificationDelivered::getError).allSatisfy(error -> assertThat(error)
        .isEqualTo("HTTP 500: internal error"));
  }
}
