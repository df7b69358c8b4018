package io.codelibra.lifeline.ingest.inbound;

import io.codelibra.lifeline.ingest.http.IngestMetrics;
import io.codelibra.lifeline.schemas.topics.DeadLetterHeaders;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Writes rejected {@code alerts.inbound} records to {@code alerts.inbound.dlq} unchanged (same key
 * bytes, same value bytes, original headers) plus headers naming the error and the origin, and returns
 * only once the broker acknowledged the write: the listener container commits the offset after that,
 * and if the write fails the record is not committed and is read again.
 *
 * <p>Deliberately not a {@code ConsumerAwareRecordRecoverer} itself: that is a {@code BiConsumer}, and
 * Spring Cloud Stream would bind a bean of that type as a function ({@code inboundDeadLetters-in-0}).
 * Pass {@code deadLetters::deadLetter} as the recoverer instead.
 */
public class InboundDeadLetters implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InboundDeadLetters.class);

  private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
  private final DeadLetterPublishingRecoverer publisher;
  private final IngestMetrics metrics;

  /**
   * @param producerConfig the service's producer settings (acks=all, idempotence, timeouts); the
   *     serializers are replaced by byte-array ones so key and value go out exactly as they came in
   */
  public InboundDeadLetters(Map<String, Object> producerConfig, String consumerGroup, Clock clock,
      IngestMetrics metrics) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    this.producers = new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    this.metrics = metrics;
    // Partition -1: the DLQ has its own partition count; the producer picks one by key.
    this.publisher = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
        (record, exception) -> new TopicPartition(Topics.ALERTS_INBOUND_DLQ.name(), -1));
    // Our own exception headers instead of Spring's default, which would carry a stack trace and the
    // container's "Listener failed" wrapper rather than what is wrong with the record.
    publisher.setExceptionHeadersCreator((headers, exception, isKey, names) -> {
      InvalidInboundRecordException invalid = invalidIn(exception);
      headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(invalid.getClass().getName()));
      headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(invalid.getMessage()));
    });
    publisher.setHeadersFunction((record, exception) -> {
      InvalidInboundRecordException invalid = invalidIn(exception);
      return DeadLetterHeaders.of(invalid.reason().code(), invalid.getMessage(), record.topic(), record.partition(),
          record.offset(), consumerGroup, clock.instant());
    });
  }

  /** Writes the record the exception rejected; returns once the broker acknowledged it, else throws. */
  public void deadLetter(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
    InvalidInboundRecordException invalid = invalidIn(exception);
    // Throws when the broker does not acknowledge: the error handler then leaves the offset where it is.
    publisher.accept(record, consumer, exception);
    metrics.rejected(InboundAlertListener.RECEIVER, invalid.reason().code());
    log.warn("dead-lettered {}-{}@{} to {}: {}: {}", record.topic(), record.partition(), record.offset(),
        Topics.ALERTS_INBOUND_DLQ.name(), invalid.reason().code(), invalid.getMessage());
  }

  /**
   * Only invalid records are ever recovered (every other failure is retried without end); anything
   * else reaching here is a bug, and refusing it keeps the record uncommitted rather than lost.
   */
  private static InvalidInboundRecordException invalidIn(Exception exception) {
    return InvalidInboundRecordException.findIn(exception).orElseThrow(() -> new IllegalStateException(
        "only invalid inbound records are dead-lettered, not " + exception, exception));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producers.destroy();
  }
}
