package io.codelibra.lifeline.registry.store;

import io.codelibra.lifeline.registry.error.RegistryException;
import io.codelibra.lifeline.registry.state.ApplyOutcome;
import io.codelibra.lifeline.registry.state.LogRecord;
import io.codelibra.lifeline.registry.state.LogRecordCodec;
import io.codelibra.lifeline.registry.state.RegistryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code _schemas} topic as this instance sees it. A background thread reads it from the
 * beginning and applies every record, in log order, to the {@link RegistryState}; writers append
 * records (idempotent producer, {@code acks=all}) and wait until this instance's own reader has
 * applied them, then learn from the {@link ApplyOutcome} whether their compare-and-set won.
 */
public final class SchemaLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaLog.class);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final int REMEMBERED_OUTCOMES = 10_000;

  private final String topic;
  private final TopicPartition partition;
  private final RegistryState state;
  private final LogRecordCodec codec = new LogRecordCodec();
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread reader;
  private final ReadWriteLock stateLock = new ReentrantReadWriteLock();
  private final Lock progressLock = new ReentrantLock();
  private final Condition progressed = progressLock.newCondition();
  private final Map<Long, ApplyOutcome> outcomes = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, ApplyOutcome> eldest) {
      return size() > REMEMBERED_OUTCOMES;
    }
  };
  private long nextOffset;
  private volatile boolean running = true;
  private volatile boolean caughtUp;
  private volatile RuntimeException readFailure;

  /**
   * @param clientConfig Kafka client properties shared by admin, producer and consumer (bootstrap.servers, security)
   * @param operationTimeout how long the producer may block on metadata
   */
  public SchemaLog(Map<String, Object> clientConfig, String topic, RegistryState state, Duration operationTimeout) {
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    this.state = state;
    // Client ids unique per instance: several registries may share a JVM (tests) without clashing MBeans.
    String clientId = "lifeline-schema-registry-" + UUID.randomUUID().toString().substring(0, 8);
    this.admin = Admin.create(adminConfig(clientConfig, clientId));
    this.producer = new KafkaProducer<>(producerConfig(clientConfig, clientId, operationTimeout));
    this.consumer = new KafkaConsumer<>(consumerConfig(clientConfig, clientId));
    this.reader = Thread.ofPlatform().name("schema-log-reader").daemon().unstarted(this::readLoop);
  }

  /**
   * Creates the topic if missing, starts the reader and returns once the whole log, up to the end
   * offset found now, has been applied; fails start-up after {@code timeout}.
   */
  public void start(short replicationFactor, Duration timeout) {
    try {
      SchemaTopic.ensure(admin, topic, replicationFactor, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the schema log topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot prepare the schema log topic " + topic + ": " + e, e);
    }
    reader.start();
    try {
      syncToEnd(timeout);
    } catch (RegistryException e) {
      throw new IllegalStateException("could not read the schema log topic " + topic + " to its end within "
          + timeout + ": " + e.getMessage(), e);
    }
    caughtUp = true;
    LOG.info("read the schema log {} to offset {}: {} subjects, {} schemas", topic, appliedOffset(),
        read(RegistryState::subjectCount), read(RegistryState::schemaCount));
  }

  /** Whether the log has been read to its end once and the reader is still reading. */
  public boolean isReady() {
    return caughtUp && reader.isAlive() && readFailure == null;
  }

  public String topic() {
    return topic;
  }

  /** The next offset this instance will apply: everything before it is in the state. */
  public long appliedOffset() {
    progressLock.lock();
    try {
      return nextOffset;
    } finally {
      progressLock.unlock();
    }
  }

  public RuntimeException readFailure() {
    return readFailure;
  }

  /** Runs a query on the state while no record is being applied. */
  public <T> T read(Function<RegistryState, T> query) {
    stateLock.readLock().lock();
    try {
      return query.apply(state);
    } finally {
      stateLock.readLock().unlock();
    }
  }

  /** Waits until this instance has applied every record written before the call. */
  public void syncToEnd(Duration timeout) {
    long end = endOffset(timeout);
    if (end > 0) {
      awaitApplied(end - 1, timeout);
    }
  }

  /** Appends the records in order and returns their offsets once the broker has acknowledged them all. */
  public List<Long> append(List<LogRecord> records, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    try {
      for (LogRecord record : records) {
        sends.add(producer.send(new ProducerRecord<>(topic, 0, codec.encodeKey(record), codec.encodeValue(record))));
      }
      List<Long> offsets = new ArrayList<>();
      for (Future<RecordMetadata> send : sends) {
        offsets.add(send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).offset());
      }
      return offsets;
    } catch (TimeoutException e) {
      throw RegistryException.timeout("Write to the Kafka store timed out after " + timeout, e);
    } catch (ExecutionException e) {
      throw RegistryException.storeError("Error while writing to the Kafka store: " + e.getCause().getMessage(), e);
    } catch (KafkaException e) {
      throw RegistryException.storeError("Error while writing to the Kafka store: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted while writing to the Kafka store", e);
    }
  }

  /** Waits until the record at {@code offset} has been applied here, and returns what applying it did. */
  public ApplyOutcome awaitApplied(long offset, Duration timeout) {
    long remaining = timeout.toNanos();
    progressLock.lock();
    try {
      while (nextOffset <= offset) {
        if (readFailure != null && !reader.isAlive()) {
          throw RegistryException.storeError("The Kafka store reader has stopped: " + readFailure.getMessage(), readFailure);
        }
        if (remaining <= 0) {
          throw RegistryException.timeout("Timed out after " + timeout + " waiting for offset " + offset
              + " of " + topic + " to be applied (applied up to " + nextOffset + ")", null);
        }
        remaining = progressed.awaitNanos(remaining);
      }
      ApplyOutcome outcome = outcomes.get(offset);
      return outcome != null ? outcome : ApplyOutcome.ignored("applied long ago");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted while waiting for the Kafka store", e);
    } finally {
      progressLock.unlock();
    }
  }

  private long endOffset(Duration timeout) {
    try {
      return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (TimeoutException e) {
      throw RegistryException.timeout("Timed out after " + timeout + " reading the end offset of " + topic, e);
    } catch (ExecutionException e) {
      throw RegistryException.storeError("Cannot read the end offset of " + topic + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeError("Interrupted while reading the end offset of " + topic, e);
    }
  }

  private void readLoop() {
    try {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      while (running) {
        try {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
            apply(record);
          }
          advanceTo(consumer.position(partition));
          readFailure = null;
        } catch (WakeupException | InterruptException stop) {
          throw stop;
        } catch (KafkaException e) {
          // Retriable trouble (broker restart, network): keep the state, report unhealthy, try again.
          readFailure = e;
          LOG.warn("reading the schema log {} failed, retrying: {}", topic, e.toString());
          Thread.sleep(1000);
        }
      }
    } catch (WakeupException | InterruptException | InterruptedException stop) {
      if (running) {
        readFailure = new IllegalStateException("schema log reader interrupted", stop);
      }
    } catch (RuntimeException e) {
      readFailure = e;
      LOG.error("stopped reading the schema log {}", topic, e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
      signalProgress();
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    LogRecord decoded = codec.decode(record.key(), record.value());
    ApplyOutcome outcome;
    stateLock.writeLock().lock();
    try {
      outcome = state.apply(decoded);
    } finally {
      stateLock.writeLock().unlock();
    }
    if (outcome.isRejected()) {
      LOG.info("record at offset {} of {} lost its compare-and-set: {}", record.offset(), topic, outcome.reason());
    } else if (outcome.kind() == ApplyOutcome.Kind.IGNORED) {
      LOG.debug("record at offset {} of {} ignored: {}", record.offset(), topic, outcome.reason());
    }
    progressLock.lock();
    try {
      outcomes.put(record.offset(), outcome);
      nextOffset = Math.max(nextOffset, record.offset() + 1);
      progressed.signalAll();
    } finally {
      progressLock.unlock();
    }
  }

  private void advanceTo(long position) {
    progressLock.lock();
    try {
      if (position > nextOffset) {
        nextOffset = position;
        progressed.signalAll();
      }
    } finally {
      progressLock.unlock();
    }
  }

  private void signalProgress() {
    progressLock.lock();
    try {
      progressed.signalAll();
    } finally {
      progressLock.unlock();
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }

  private static Map<String, Object> adminConfig(Map<String, Object> common, String clientId) {
    Map<String, Object> config = new HashMap<>(common);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
    return config;
  }

  private static Map<String, Object> producerConfig(Map<String, Object> common, String clientId,
      Duration operationTimeout) {
    Map<String, Object> config = new HashMap<>(common);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, operationTimeout.toMillis());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer");
    return config;
  }

  private static Map<String, Object> consumerConfig(Map<String, Object> common, String clientId) {
    Map<String, Object> config = new HashMap<>(common);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-reader");
    return config;
  }
}
