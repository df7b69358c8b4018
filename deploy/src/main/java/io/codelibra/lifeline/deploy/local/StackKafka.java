package io.codelibra.lifeline.deploy.local;

import io.codelibra.lifeline.schemas.serde.LifelineAvroDeserializer;
import io.codelibra.lifeline.schemas.serde.LifelineAvroSerializer;
import io.codelibra.lifeline.schemas.serde.SerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The load drivers' and the drill's Kafka clients, with Lifeline's registry serde: an acks=all producer, and readers that start at the
 * end of their topics, read committed, on a thread of their own until {@link #stop()}.
 */
public final class StackKafka {

  private final String bootstrap;
  private final String registry;
  private final String userInfo;
  private final AtomicBoolean running = new AtomicBoolean(true);

  public StackKafka(String bootstrap, String registry, String userInfo) {
    this.bootstrap = bootstrap;
    this.registry = registry;
    this.userInfo = userInfo;
  }

  /** Reads every partition of {@code topics} from their current end, handing each record to {@code handler}. */
  public Thread reader(List<String> topics, Consumer<ConsumerRecord<String, SpecificRecord>> handler) {
    Map<String, Object> config = serdeConfig();
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    LifelineAvroDeserializer values = new LifelineAvroDeserializer();
    values.configure(config, false);
    KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
    List<TopicPartition> partitions = new ArrayList<>();
    topics.forEach(topic -> consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    Thread thread = new Thread(() -> {
      try (consumer) {
        while (running.get()) {
          consumer.poll(Duration.ofMillis(50)).forEach(handler);
        }
      }
    }, "stack-reader");
    thread.start();
    return thread;
  }

  public KafkaProducer<String, SpecificRecord> producer(int lingerMs) {
    Map<String, Object> config = serdeConfig();
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
    LifelineAvroSerializer values = new LifelineAvroSerializer();
    values.configure(config, false);
    return new KafkaProducer<>(config, new StringSerializer(), values);
  }

  /** Ends every reader. */
  public void stop() {
    running.set(false);
  }

  private Map<String, Object> serdeConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrap);
    config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registry);
    config.put(SerdeConfig.BASIC_AUTH_USER_INFO, userInfo);
    config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    return config;
  }
}
