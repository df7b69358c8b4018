package io.codelibra.lifeline.ingest.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.codelibra.lifeline.ingest.alert.AlertIntake;
import io.codelibra.lifeline.ingest.alert.InboundAlert;
import io.codelibra.lifeline.ingest.alert.NormalisedAlert;
import io.codelibra.lifeline.ingest.generic.GenericAlertReader;
import io.codelibra.lifeline.ingest.integration.Integration;
import io.codelibra.lifeline.ingest.publish.BrokerUnavailableException;
import io.codelibra.lifeline.ingest.severity.SeverityTable;
import io.codelibra.lifeline.testing.kafka.KafkaStack;
import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.util.unit.DataSize;

/**
 * The intake's container and error handler on a real broker, with an intake and a dead-letter writer
 * that fail on purpose: a record is neither committed nor dead-lettered while its event is not
 * acknowledged, and is committed once it is; a dead letter that is not acknowledged keeps the offset too.
 */
@WithKafkaStack
class InboundRetryTest {

  private static final String VALID = "{\"summary\":\"disk full\",\"source\":\"node-1\"}";

  private final String topic = "inbound-retry-test-" + UUID.randomUUID();
  private final String group = "inbound-retry-test-" + UUID.randomUUID();
  private final TopicPartition partition = new TopicPartition(topic, 0);
  private Admin admin;
  private ConcurrentMessageListenerContainer<byte[], byte[]> container;

  @BeforeEach
  void createTopic(KafkaStack stack) throws Exception {
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
  }

  @AfterEach
  void stop() {
    if (container != null) {
      container.stop();
    }
    admin.close();
  }

  @Test
  void anAlertWhoseEventIsNotAcknowledgedIsRetriedWithoutCommitOrDeadLetterUntilItIs(KafkaStack stack)
      throws Exception {
    Queue<Long> committedWhileFailing = new ConcurrentLinkedQueue<>();
    AtomicInteger attempts = new AtomicInteger();
    AlertIntake brokerDownThreeTimes = new AlertIntake(null, null, null) {
      @Override
      public List<NormalisedAlert> accept(String receiver, Integration integration, List<InboundAlert> alerts) {
        if (attempts.incrementAndGet() <= 3) {
          committedWhileFailing.add(committedOffset());
          throw new BrokerUnavailableException("the broker did not acknowledge the alert",
              new TimeoutException("test"));
        }
        return List.of();
      }
    };
    Queue<ConsumerRecord<?, ?>> deadLettered = new ConcurrentLinkedQueue<>();
    start(stack, brokerDownThreeTimes, (record, consumer, exception) -> deadLettered.add(record));

    send(stack, VALID);

    await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset() == 1L);
    assertThat(attempts).hasValue(4);
    assertThat(committedWhileFailing).containsExactly(-1L, -1L, -1L);
    assertThat(deadLettered).isEmpty();
  }

  @Test
  void anInvalidRecordIsDeadLetteredOnFirstFailureAndOnlyCommittedOnceTheDeadLetterIsAcknowledged(KafkaStack stack)
      throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    AlertIntake intake = new AlertIntake(null, null, null) {
      @Override
      public List<NormalisedAlert> accept(String receiver, Integration integration, List<InboundAlert> alerts) {
        accepted.incrementAndGet();
        return List.of();
      }
    };
    Queue<Long> committedWhileDeadLetterFailing = new ConcurrentLinkedQueue<>();
    AtomicInteger deadLetterAttempts = new AtomicInteger();
    ConsumerAwareRecordRecoverer dlqDownTwice = (record, consumer, exception) -> {
      assertThat(InvalidInboundRecordException.findIn(exception)).hasValueSatisfying(
          invalid -> assertThat(invalid.reason()).isEqualTo(RejectionReason.JSON_NOT_OBJECT));
      if (deadLetterAttempts.incrementAndGet() <= 2) {
        committedWhileDeadLetterFailing.add(committedOffset());
        throw new KafkaException("Dead-letter publication to alerts.inbound.dlq failed");
      }
    };
    start(stack, intake, dlqDownTwice);

    send(stack, "[1, 2, 3]");
    send(stack, VALID);

    await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset() == 2L);
    assertThat(deadLetterAttempts).hasValue(3);
    assertThat(committedWhileDeadLetterFailing).containsExactly(-1L, -1L);
    assertThat(accepted).hasValue(1);
  }

  private void start(KafkaStack stack, AlertIntake intake, ConsumerAwareRecordRecoverer deadLetters) {
    InboundProperties properties = new InboundProperties(group, 1,
        new InboundProperties.Retry(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)), DataSize.ofMegabytes(16));
    InboundRecordReader reader = new InboundRecordReader(new GenericAlertReader(SeverityTable.defaults()),
        stack.registryClient(), 1024 * 1024);
    container = InboundIntakeConfiguration.container(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), topic, properties,
        new InboundAlertListener(reader, intake),
        InboundIntakeConfiguration.errorHandler(deadLetters, properties.retry()));
    container.start();
  }

  private void send(KafkaStack stack, String value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8))).get();
    }
  }

  /** The group's committed offset on the partition, -1 when nothing is committed yet. */
  private long committedOffset() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      OffsetAndMetadata offset = committed.get(partition);
      return offset == null ? -1L : offset.offset();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
