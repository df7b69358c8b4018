package io.codelibra.lifeline.escalation.notify;

import static io.codelibra.lifeline.escalation.notify.Requests.request;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationDelivered;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class KafkaDeliveryRecorderTest {

  @SuppressWarnings("unchecked")
  private final KafkaTemplate<String, SpecificRecord> kafka = mock(KafkaTemplate.class);
  private final KafkaDeliveryRecorder recorder = new KafkaDeliveryRecorder(kafka, Duration.ofMillis(200));
  private final NotificationDelivered outcome = new DeliveryRecords("escalation-service/notifier").delivered(
      request(NotificationChannel.email, "primary@example.com").build(), 1, new Delivery.Accepted(null, null),
      Requests.OCCURRED_AT);

  @Test
  void publishesToNotificationsKeyedByIncidentAndWaitsForTheAcknowledgement() {
    when(kafka.send(anyString(), anyString(), any())).thenReturn(CompletableFuture.completedFuture(null));

    assertThatCode(() -> recorder.record(outcome)).doesNotThrowAnyException();
    verify(kafka).send(eq("notifications"), eq("inc-42"), eq(outcome));
  }

  @Test
  void anAcknowledgementThatNeverComesIsNotRecorded() {
    when(kafka.send(anyString(), anyString(), any()))
        .thenReturn(new CompletableFuture<SendResult<String, SpecificRecord>>());

    assertThatThrownBy(() -> recorder.record(outcome)).isInstanceOf(DeliveryNotRecorded.class)
        .hasMessageContaining("within");
  }

  @Test
  void aFailedSendIsNotRecorded() {
    when(kafka.send(anyString(), anyString(), any()))
        .thenReturn(CompletableFuture.failedFuture(new TimeoutException("expired")));

    assertThatThrownBy(() -> recorder.record(outcome)).isInstanceOf(DeliveryNotRecorded.class)
        .hasMessageContaining("expired");
  }
}
