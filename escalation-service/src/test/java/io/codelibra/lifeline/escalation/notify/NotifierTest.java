package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.testing.time.MovableClock;
import static io.codelibra.lifeline.escalation.notify.Requests.request;
import static io.codelibra.lifeline.escalation.notify.ScriptedSender.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.DeliveryStatus;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationDelivered;
import io.codelibra.lifeline.events.NotificationRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifierTest {

  private static final Delivery UNAVAILABLE = new Delivery.Failed(503, "HTTP 503: busy", true);
  private static final Delivery NOT_FOUND = new Delivery.Failed(404, "HTTP 404: no such hook", false);
  private static final Delivery ACCEPTED = new Delivery.Accepted(200, null);
  /** 1 ms, 2 ms, 4 ms, ... at most 50 ms: real waits, kept short. */
  private static final NotifyProperties.Backoff FAST = new NotifyProperties.Backoff(Duration.ofMillis(1), 2,
      Duration.ofMillis(50), Duration.ZERO);

  private final MovableClock clock = new MovableClock(Requests.OCCURRED_AT.plusSeconds(1));
  private final List<NotificationDelivered> recorded = new CopyOnWriteArrayList<>();
  private final AttemptTimeout attemptTimeout = new AttemptTimeout(Duration.ofMillis(300));

  @AfterEach
  void stop() {
    attemptTimeout.close();
  }

  private Notifier notifier(NotificationSender sender) {
    return notifier(sender, Duration.ofMinutes(1));
  }

  private Notifier notifier(NotificationSender sender, Duration deliveryBudget) {
    return new Notifier(List.of(sender), recorded::add, "escalation-service/notifier", attemptTimeout,
        FAST.toBackOff(), deliveryBudget, clock);
  }

  private static NotificationRequested webhook(int maxAttempts) {
    return request(NotificationChannel.webhook, "https://hooks.example.com/lifeline").setMaxAttempts(maxAttempts)
        .build();
  }

  private List<DeliveryStatus> statuses() {
    return recorded.stream().map(NotificationDelivered::getStatus).toList();
  }

  @Test
  void aFailedAttemptIsRecordedAsRetryingThenTheRetryAsDelivered() {
    ScriptedSender sender = new ScriptedSender(NotificationChannel.webhook, answer(UNAVAILABLE), answer(ACCEPTED));

    notifier(sender).deliver(webhook(3));

    assertThat(statuses()).containsExactly(DeliveryStatus.retrying, DeliveryStatus.delivered);
    NotificationDelivered retrying = recorded.get(0);
    assertThat(retrying.getAttempt()).isEqualTo(1);
    assertThat(retrying.getResponseCode()).isEqualTo(503);
    assertThat(retrying.getError()).isEqualTo("HTTP 503: busy");
    assertThat(retrying.getNextAttemptAt()).isEqualTo(clock.instant().plusMillis(1));
    assertThat(retrying.getDeliveredAt()).isNull();
    NotificationDelivered delivered = recorded.get(1);
    assertThat(delivered.getAttempt()).isEqualTo(2);
    assertThat(delivered.getResponseCode()).isEqualTo(200);
    assertThat(delivered.getDeliveredAt()).isEqualTo(clock.instant());
    assertThat(delivered.getError()).isNull();
    assertThat(delivered.getNextAttemptAt()).isNull();
    assertThat(sender.attempts()).isEqualTo(2);
  }

  @Test
  void aRejectionIsNotRetried() {
    ScriptedSender sender = new ScriptedSender(NotificationChannel.webhook, answer(NOT_FOUND));

    notifier(sender).deliver(webhook(5));

    assertThat(statuses()).containsExactly(DeliveryStatus.failed);
    assertThat(recorded.get(0).getAttempt()).isEqualTo(1);
    assertThat(recorded.get(0).getResponseCode()).isEqualTo(404);
    assertThat(recorded.get(0).getError()).isEqualTo("HTTP 404: no such hook");
    assertThat(sender.attempts()).isEqualTo(1);
  }

  @Test
  void givesUpAfterTheRequestsMaxAttempts() {
    ScriptedSender sender = new ScriptedSender(NotificationChannel.webhook, answer(UNAVAILABLE));

    notifier(sender).deliver(webhook(3));

    assertThat(statuses()).containsExactly(DeliveryStatus.retrying, DeliveryStatus.retrying, DeliveryStatus.failed);
    assertThat(recorded).extracting(NotificationDelivered::getAttempt).containsExactly(1, 2, 3);
    assertThat(recorded.get(2).getError()).isEqualTo("HTTP 503: busy");
    assertThat(recorded.get(2).getNextAttemptAt()).isNull();
    assertThat(sender.attempts()).isEqualTo(3);
  }

  @Test
  void theWaitBetweenAttemptsGrowsExponentiallyUpToTheMaximum() {
    ScriptedSender sender = new ScriptedSender(NotificationChannel.webhook, answer(UNAVAILABLE));

    notifier(sender).deliver(webhook(8));

    assertThat(recorded.stream().filter(outcome -> outcome.getStatus() == DeliveryStatus.retrying)
        .map(outcome -> Duration.between(outcome.getOccurredAt(), outcome.getNextAttemptAt()).toMillis()))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 50L);
  }

  @Test
  void aSingleAttemptIsNeverRetried() {
    ScriptedSender sender = new ScriptedSender(NotificationChannel.webhook, answer(UNAVAILABLE));

    notifier(sender).deliver(webhook(1));

    assertThat(statuses()).containsExactly(DeliveryStatus.failed);
    assertThat(sender.attempts()).isEqualTo(1);
  }

  @Test
  void anAttemptThatHangsIsCutOffAndRetried() {
    ScriptedSender sender = new ScriptedSender(NotificationChannel.webhook, () -> {
      try {
        Thread.sleep(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ACCEPTED;
    }, answer(ACCEPTED));

    notifier(sender).deliver(webhook(3));

    assertThat(statuses()).containsExactly(DeliveryStatus.retrying, DeliveryStatus.delivered);
    assertThat(recorded.get(0).getError()).isEqualTo("no answer within PT0.3S");
    assertThat(recorded.get(0).getResponseCode()).isNull();
  }

  @Test
  void noRetryStartsAfterTheDeliveryBudget() {
    ScriptedSender sender = new ScriptedSender(NotificationChannel.webhook, () -> {
      clock.advance(Duration.ofSeconds(40));
      return UNAVAILABLE;
    });

    notifier(sender, Duration.ofMinutes(1)).deliver(webhook(10));

    assertThat(statuses()).containsExactly(DeliveryStatus.retrying, DeliveryStatus.failed);
    assertThat(sender.attempts()).isEqualTo(2);
  }

  @Test
  void aChannelWithoutAdapterFailsAtOnce() {
    ScriptedSender webhookOnly = new ScriptedSender(NotificationChannel.webhook, answer(ACCEPTED));

    notifier(webhookOnly).deliver(request(NotificationChannel.sms, "+14155550100").build());

    assertThat(statuses()).containsExactly(DeliveryStatus.failed);
    assertThat(recorded.get(0).getError()).isEqualTo("no delivery adapter for channel sms");
    assertThat(webhookOnly.attempts()).isZero();
  }

  @Test
  void aSenderBugFailsTheNotificationWithoutRetryOrItsMessage() {
    ScriptedSender sender = new ScriptedSender(NotificationChannel.webhook, () -> {
      throw new IllegalStateException("bad URL https://hooks.example.com/T0K3N");
    });

    notifier(sender).deliver(webhook(3));

    assertThat(statuses()).containsExactly(DeliveryStatus.failed);
    assertThat(recorded.get(0).getError()).isEqualTo("unexpected IllegalStateException in the webhook sender");
    assertThat(sender.attempts()).isEqualTo(1);
  }

  @Test
  void eachOutcomeNamesItsRequestAndTheSameOutcomeKeepsItsId() {
    NotificationRequested request = webhook(1);
    notifier(new ScriptedSender(NotificationChannel.webhook, answer(ACCEPTED))).deliver(request);
    notifier(new ScriptedSender(NotificationChannel.webhook, answer(ACCEPTED))).deliver(request);

    NotificationDelivered outcome = recorded.get(0);
    assertThat(outcome.getSource()).isEqualTo("escalation-service/notifier");
    assertThat(outcome.getNotificationId()).isEqualTo("ntf-1");
    assertThat(outcome.getIncidentId()).isEqualTo("inc-42");
    assertThat(outcome.getChannel()).isEqualTo(NotificationChannel.webhook);
    assertThat(outcome.getRecipient()).isEqualTo("https://hooks.example.com/lifeline");
    assertThat(outcome.getUserId()).isEqualTo("PRIMARY_ON_CALL_USER_ID");
    assertThat(outcome.getLatencyMs()).isEqualTo(1000);
    assertThat(recorded.get(1).getEventId()).isEqualTo(outcome.getEventId());
  }

  @Test
  void latencyCountsFromNotBefore() {
    Instant notBefore = Requests.OCCURRED_AT.plusMillis(600);

    notifier(new ScriptedSender(NotificationChannel.webhook, answer(ACCEPTED)))
        .deliver(request(NotificationChannel.webhook, "https://hooks.example.com/x").setNotBefore(notBefore).build());

    assertThat(recorded.get(0).getLatencyMs()).isEqualTo(400);
  }

  @Test
  void anOutcomeThatCannotBeRecordedFailsTheDelivery() {
    DeliveryRecorder brokerDown = outcome -> {
      throw new DeliveryNotRecorded("the broker did not acknowledge", null);
    };
    Notifier notifier = new Notifier(List.of(new ScriptedSender(NotificationChannel.webhook, answer(UNAVAILABLE))),
        brokerDown, "escalation-service/notifier", attemptTimeout, FAST.toBackOff(), Duration.ofMinutes(1), clock);

    assertThatThrownBy(() -> notifier.deliver(webhook(3))).isInstanceOf(DeliveryNotRecorded.class);
  }
}
