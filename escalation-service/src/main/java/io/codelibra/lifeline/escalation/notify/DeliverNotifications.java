package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.messaging.Message;

/**
 * The {@code deliverNotifications} function: reads the {@code notifications} topic and delivers each
 * {@link NotificationRequested}, skipping the {@code NotificationDelivered} outcomes the same topic carries.
 * A request is delivered before the next is read, so an incident's notifications keep their order.
 */
public class DeliverNotifications implements Consumer<Message<SpecificRecord>> {

  private final Notifier notifier;
  private final DeferredDeliveries deferred;
  private final Clock clock;

  public DeliverNotifications(Notifier notifier, DeferredDeliveries deferred, Clock clock) {
    this.notifier = notifier;
    this.deferred = deferred;
    this.clock = clock;
  }

  @Override
  public void accept(Message<SpecificRecord> message) {
    if (!(message.getPayload() instanceof NotificationRequested request)) {
      return;
    }
    Instant now = clock.instant();
    if (request.getNotBefore() != null && request.getNotBefore().isAfter(now)) {
      deferred.deliverAfter(Duration.between(now, request.getNotBefore()), () -> notifier.deliver(request));
      return;
    }
    notifier.deliver(request);
  }
}
