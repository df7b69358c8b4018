package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationDelivered;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes each outcome to {@code notifications}, keyed by incident id, and waits for the broker's acknowledgement. */
public final class KafkaDeliveryRecorder implements DeliveryRecorder {

  private final KafkaTemplate<String, SpecificRecord> kafka;
  private final Duration ackTimeout;

  public KafkaDeliveryRecorder(KafkaTemplate<String, SpecificRecord> kafka, Duration ackTimeout) {
    this.kafka = kafka;
    this.ackTimeout = ackTimeout;
  }

  @Override
  public void record(NotificationDelivered outcome) {
    try {
      kafka.send(Topics.NOTIFICATIONS.name(), outcome.getIncidentId(), outcome)
          .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new DeliveryNotRecorded("the broker did not acknowledge the outcome of notification "
          + outcome.getNotificationId() + ": " + e.getCause().getMessage(), e);
    } catch (KafkaException | org.springframework.kafka.KafkaException e) {
      throw new DeliveryNotRecorded("the outcome of notification " + outcome.getNotificationId()
          + " could not be sent to the broker: " + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw new DeliveryNotRecorded("the broker did not acknowledge the outcome of notification "
          + outcome.getNotificationId() + " within " + ackTimeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryNotRecorded("interrupted while recording notification " + outcome.getNotificationId(), e);
    }
  }
}
