package io.codelibra.lifeline.runtime.publish;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes an event and returns only once the broker acknowledged it (acks=all, idempotent producer), so
 * an API can answer "accepted" truthfully; otherwise throws {@link PublishNotAcknowledgedException}.
 */
public class AcknowledgedPublisher {

  private final KafkaTemplate<String, SpecificRecord> kafka;
  private final Duration ackTimeout;

  public AcknowledgedPublisher(KafkaTemplate<String, SpecificRecord> kafka, Duration ackTimeout) {
    this.kafka = kafka;
    this.ackTimeout = ackTimeout;
  }

  public void publish(String topic, String key, SpecificRecord event) {
    try {
      kafka.send(topic, key, event).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new PublishNotAcknowledgedException(topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishNotAcknowledgedException(topic, e);
    }
  }
}
