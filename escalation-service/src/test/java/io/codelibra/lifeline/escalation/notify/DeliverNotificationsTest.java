package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.testing.time.MovableClock;
import static io.codelibra.lifeline.escalation.notify.Requests.request;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationRequested;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class DeliverNotificationsTest {

  private final Notifier notifier = mock(Notifier.class);
  private final DeferredDeliveries deferred = mock(DeferredDeliveries.class);
  private final MovableClock clock = new MovableClock(Requests.OCCURRED_AT);
  private final DeliverNotifications deliverNotifications = new DeliverNotifications(notifier, deferred, clock);

  private static Message<SpecificRecord> message(SpecificRecord event) {
    return MessageBuilder.withPayload(event).build();
  }

  @Test
  void deliversADueRequestBeforeReadingTheNext() {
    NotificationRequested request = request(NotificationChannel.email, "primary@example.com").build();

    deliverNotifications.accept(message(request));

    verify(notifier).deliver(request);
    verifyNoInteractions(deferred);
  }

  @Test
  void skipsTheOutcomesTheTopicAlsoCarries() {
    NotificationRequested request = request(NotificationChannel.email, "primary@example.com").build();
    SpecificRecord outcome = new DeliveryRecords("escalation-service/notifier")
        .delivered(request, 1, new Delivery.Accepted(null, "<id@example.com>"), Requests.OCCURRED_AT);

    deliverNotifications.accept(message(outcome));

    verifyNoInteractions(notifier, deferred);
  }

  @Test
  void holdsARequestUntilItsNotBefore() {
    NotificationRequested request = request(NotificationChannel.email, "primary@example.com")
        .setNotBefore(Requests.OCCURRED_AT.plus(Duration.ofMinutes(5))).build();

    deliverNotifications.accept(message(request));

    ArgumentCaptor<Runnable> delivery = ArgumentCaptor.forClass(Runnable.class);
    verify(deferred).deliverAfter(eq(Duration.ofMinutes(5)), delivery.capture());
    verifyNoInteractions(notifier);
    delivery.getValue().run();
    verify(notifier).deliver(request);
  }

  @Test
  void aNotBeforeInThePastIsDueNow() {
    NotificationRequested request = request(NotificationChannel.email, "primary@example.com")
        .setNotBefore(Requests.OCCURRED_AT.minusSeconds(1)).build();

    deliverNotifications.accept(message(request));

    verify(notifier).deliver(request);
    verify(deferred, never()).deliverAfter(any(), any());
  }
}
