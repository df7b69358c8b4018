package io.codelibra.lifeline.ingest.publish;

import io.codelibra.lifeline.ingest.alert.NormalisedAlert;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes alert events to {@code alerts}, keyed by fingerprint, and returns only once the broker
 * acknowledged every one of them (idempotent producer, acks=all), so a 2xx means the alert is safe.
 */
public class AlertPublisher {

  private final KafkaTemplate<String, SpecificRecord> kafka;
  private final Duration ackTimeout;

  public AlertPublisher(KafkaTemplate<String, SpecificRecord> kafka, Duration ackTimeout) {
    this.kafka = kafka;
    this.ackTimeout = ackTimeout;
  }

  public void publishAll(List<NormalisedAlert> events) {
    try {
      // send() itself throws (Spring wraps Kafka's exception) when it cannot get metadata within
      // max.block.ms or cannot serialize.
      List<CompletableFuture<SendResult<String, SpecificRecord>>> sends = events.stream()
          .map(keyed -> kafka.send(Topics.ALERTS.name(), keyed.fingerprint(), keyed.event()))
          .toList();
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new BrokerUnavailableException("the broker did not acknowledge the alert: " + e.getCause().getMessage(), e);
    } catch (KafkaException | org.springframework.kafka.KafkaException e) {
      throw new BrokerUnavailableException("the alert could not be sent to the broker: " + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw new BrokerUnavailableException("the broker did not acknowledge the alert within " + ackTimeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnavailableException("interrupted while waiting for the broker", e);
    }
  }
}
