package io.codelibra.lifeline.ingest.inbound;

import io.codelibra.lifeline.ingest.IngestProperties;
import io.codelibra.lifeline.ingest.alert.AlertIntake;
import io.codelibra.lifeline.ingest.generic.GenericAlertReader;
import io.codelibra.lifeline.ingest.http.IngestMetrics;
import io.codelibra.lifeline.schemas.registry.SchemaRegistryClient;
import io.codelibra.lifeline.schemas.serde.SerdeConfig;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka intake: one listener container on {@code alerts.inbound} reading raw bytes (the rest of the
 * service reads Avro), committing each record's offset only after its normalised event on
 * {@code alerts} or its dead letter on {@code alerts.inbound.dlq} was acknowledged by the broker.
 *
 * <p>None of the Kafka objects here is a bean of a Kafka type, so Boot's own consumer factory, producer
 * factory, template and error handler stay as they are for the rest of the service.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "lifeline.ingest.inbound", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(InboundProperties.class)
class InboundIntakeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(InboundIntakeConfiguration.class);

  @Bean
  InboundRecordReader inboundRecordReader(GenericAlertReader genericAlerts, KafkaProperties kafka,
      IngestProperties ingest) {
    SerdeConfig serde = SerdeConfig.from(kafka.buildConsumerProperties());
    return new InboundRecordReader(genericAlerts,
        new SchemaRegistryClient(serde.registryUrl(), serde.basicAuthUserInfo(), serde.requestTimeout()),
        ingest.maxBodySize().toBytes());
  }

  @Bean
  InboundDeadLetters inboundDeadLetters(KafkaProperties kafka, InboundProperties inbound, Clock clock,
      IngestMetrics metrics) {
    return new InboundDeadLetters(deadLetterProducerConfig(kafka.buildProducerProperties(), inbound),
        inbound.groupId(), clock, metrics);
  }

  @Bean
  ConcurrentMessageListenerContainer<byte[], byte[]> inboundAlertContainer(KafkaProperties kafka,
      InboundProperties inbound, InboundRecordReader reader, AlertIntake intake, InboundDeadLetters deadLetters) {
    return container(kafka.buildConsumerProperties(), Topics.ALERTS_INBOUND.name(), inbound,
        new InboundAlertListener(reader, intake), errorHandler(deadLetters::deadLetter, inbound.retry()));
  }

  /**
   * Invalid records are dead-lettered at once (the recoverer throws if the DLQ write is not acknowledged,
   * and the record is then read again); everything else, above all an unacknowledged publish, is retried
   * with capped exponential back-off for as long as it takes, never dead-lettered and never committed.
   */
  static DefaultErrorHandler errorHandler(ConsumerAwareRecordRecoverer deadLetters, InboundProperties.Retry retry) {
    ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    // Replaces Spring's default list of fatal exceptions: only an invalid record is not worth retrying.
    handler.setClassifications(Map.of(InvalidInboundRecordException.class, false), true);
    handler.setAckAfterHandle(true);
    // One line per failed attempt from the listener below, instead of the handler's stack trace each time.
    handler.setLogLevel(KafkaException.Level.DEBUG);
    handler.setRetryListeners((record, exception, attempt) -> {
      if (InvalidInboundRecordException.findIn(exception).isEmpty()) {
        Throwable cause = causeOf(exception);
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (attempt == 1) {
          log.warn("{} not accepted, retrying until it is: {}", where, cause.toString(), cause);
        } else {
          log.warn("{} not accepted (attempt {}), retrying: {}", where, attempt, cause.toString());
        }
      }
    });
    return handler;
  }

  /**
   * The container on {@code topic}: byte-array keys and values (so a dead letter is byte-identical),
   * no auto-commit, each record's offset committed synchronously once the listener or the dead letter
   * is done with it, and a new group starting from the earliest record so none is skipped.
   */
  static ConcurrentMessageListenerContainer<byte[], byte[]> container(Map<String, Object> consumerConfig,
      String topic, InboundProperties inbound, MessageListener<byte[], byte[]> listener,
      DefaultErrorHandler errorHandler) {
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Alarms inside a sender's aborted transaction were never raised.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, inbound.groupId());
    config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    DefaultKafkaConsumerFactory<byte[], byte[]> consumers =
        new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());

    ContainerProperties properties = new ContainerProperties(topic);
    properties.setGroupId(inbound.groupId());
    properties.setAckMode(ContainerProperties.AckMode.RECORD);
    properties.setSyncCommits(true);
    properties.setMessageListener(listener);
    ConcurrentMessageListenerContainer<byte[], byte[]> container =
        new ConcurrentMessageListenerContainer<>(consumers, properties);
    container.setConcurrency(inbound.concurrency());
    container.setCommonErrorHandler(errorHandler);
    container.setBeanName("inboundAlertContainer");
    return container;
  }

  static Map<String, Object> deadLetterProducerConfig(Map<String, Object> producerConfig, InboundProperties inbound) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    // Its own client id, so its metrics and logs are not mixed with the alerts producer's.
    Object clientId = config.get(ProducerConfig.CLIENT_ID_CONFIG);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, (clientId == null ? "alert-ingest" : clientId) + "-inbound-dlq");
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    long maxRequest = inbound.deadLetterMaxRequestSize().toBytes();
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, maxRequest));
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32L * 1024 * 1024, maxRequest));
    return config;
  }

  /** What the listener threw, without the container's wrapper. */
  private static Throwable causeOf(Exception exception) {
    return exception instanceof ListenerExecutionFailedException && exception.getCause() != null
        ? exception.getCause() : exception;
  }
}
