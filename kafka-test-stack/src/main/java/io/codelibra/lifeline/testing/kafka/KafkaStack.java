package io.codelibra.lifeline.testing.kafka;

import io.codelibra.lifeline.registry.SchemaRegistryApplication;
import io.codelibra.lifeline.schemas.registry.SchemaRegistryClient;
import io.codelibra.lifeline.schemas.serde.SerdeConfig;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real in-process single-node KRaft broker and Lifeline's schema registry on top of it, started
 * once per test JVM by {@link KafkaStackExtension}.
 */
public final class KafkaStack implements AutoCloseable {

  /** The write API key the test stack's registry and services accept. */
  public static final String TEST_API_KEY = "lifeline-test-key";

  private final AutoCloseable broker;
  private final String bootstrapServers;
  private final ConfigurableApplicationContext registry;
  private final String registryUrl;

  private KafkaStack(AutoCloseable broker, String bootstrapServers, ConfigurableApplicationContext registry) {
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
    this.registry = registry;
    this.registryUrl = "http://localhost:" + registry.getEnvironment().getProperty("local.server.port");
  }

  /** Starts an embedded KRaft broker and the registry. */
  public static KafkaStack startEmbedded() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    // One broker: the transaction log must fit on it, or exactly-once (Kafka Streams) producers never initialise.
    broker.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0",
        "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    return onBroker(broker::destroy, broker.getBrokersAsString());
  }

  /** Starts the registry on a broker someone else runs (a Testcontainers broker, say). */
  public static KafkaStack onBroker(AutoCloseable broker, String bootstrapServers) {
    ConfigurableApplicationContext registry = SchemaRegistryApplication.builder()
        .run("--server.port=0",
            "--lifeline.kafka.bootstrap-servers=" + bootstrapServers,
            "--lifeline.security.api-keys=" + TEST_API_KEY,
            "--lifeline.registry.replication-factor=1",
            "--spring.jmx.enabled=false");
    return new KafkaStack(broker, bootstrapServers, registry);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public String registryUrl() {
    return registryUrl;
  }

  /** A registry client with the stack's write key. */
  public SchemaRegistryClient registryClient() {
    return new SchemaRegistryClient(registryUrl, "test:" + TEST_API_KEY, java.time.Duration.ofSeconds(10));
  }

  /** Kafka client settings for the Lifeline serde against this stack, auto-registering schemas. */
  public Map<String, Object> serdeConfig() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    config.put(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    config.put(SerdeConfig.BASIC_AUTH_USER_INFO, "test:" + TEST_API_KEY);
    config.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, true);
    return config;
  }

  /** Properties that point a Lifeline service's Spring context at this stack. */
  public Map<String, String> serviceProperties() {
    return Map.of(
        "lifeline.kafka.bootstrap-servers", bootstrapServers,
        "lifeline.schema-registry.url", registryUrl,
        "lifeline.schema-registry.basic-auth-user-info", "test:" + TEST_API_KEY,
        "lifeline.schema-registry.auto-register", "true",
        "lifeline.security.api-keys", TEST_API_KEY,
        "lifeline.topics.create", "true",
        "lifeline.topics.replication-factor", "1",
        "logging.structured.format.console", "");
  }

  @Override
  public void close() throws Exception {
    registry.close();
    broker.close();
  }
}
