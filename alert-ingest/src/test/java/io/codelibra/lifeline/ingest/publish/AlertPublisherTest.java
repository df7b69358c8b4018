package io.codelibra.lifeline.ingest.publish;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.codelibra.lifeline.ingest.alert.NormalisedAlert;
import io.codelibra.lifeline.testing.kafka.SampleEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class AlertPublisherTest {

  @SuppressWarnings("unchecked")
  private final KafkaTemplate<String, SpecificRecord> kafka = mock(KafkaTemplate.class);
  private final AlertPublisher publisher = new AlertPublisher(kafka, Duration.ofMillis(200));
  private final List<NormalisedAlert> oneAlert = List.of(new NormalisedAlert("fp", SampleEvents.alertRaised("fp")));

  @Test
  void returnsOnlyOnceTheBrokerAcknowledged() {
    when(kafka.send(eq("alerts"), eq("fp"), any())).thenReturn(CompletableFuture.completedFuture(null));

    assertThatCode(() -> publisher.publishAll(oneAlert)).doesNotThrowAnyException();
  }

  @Test
  void aSendThatCannotReachTheBrokerIsBrokerUnavailable() {
    when(kafka.send(anyString(), anyString(), any())).thenThrow(new TimeoutException("metadata not available"));

    assertThatThrownBy(() -> publisher.publishAll(oneAlert)).isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("metadata not available");
  }

  @Test
  void aSendFailureWrappedBySpringIsBrokerUnavailable() {
    when(kafka.send(anyString(), anyString(), any())).thenThrow(new org.springframework.kafka.KafkaException(
        "Send failed", new TimeoutException("Topic alerts not present in metadata after 2000 ms.")));

    assertThatThrownBy(() -> publisher.publishAll(oneAlert)).isInstanceOf(BrokerUnavailableException.class);
  }

  @Test
  void anAcknowledgementThatNeverComesIsBrokerUnavailable() {
    when(kafka.send(anyString(), anyString(), any())).thenReturn(new CompletableFuture<SendResult<String, SpecificRecord>>());

    assertThatThrownBy(() -> publisher.publishAll(oneAlert)).isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("within");
  }

  @Test
  void aFailedAcknowledgementIsBrokerUnavailable() {
    when(kafka.send(anyString(), anyString(), any()))
        .thenReturn(CompletableFuture.failedFuture(new TimeoutException("expired")));

    assertThatThrownBy(() -> publisher.publishAll(oneAlert)).isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("expired");
  }
}
