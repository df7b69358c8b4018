package io.codelibra.lifeline.failover;

import io.codelibra.lifeline.failover.pair.FailoverCommands;
import io.codelibra.lifeline.failover.pair.PairStore;
import io.codelibra.lifeline.failover.pair.PairTopology;
import io.codelibra.lifeline.failover.pair.PublishedPair;
import io.codelibra.lifeline.failover.region.FailoverPolicy;
import io.codelibra.lifeline.failover.region.PairEvents;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.failover.region.RegionStateMachine;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.serde.LifelineAvroSerde;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the pair's state machine into its Kafka Streams writer, and the API's request sender. */
@Configuration(proxyBeanMethods = false)
public class PairConfiguration {

  @Bean
  PublishedPair publishedPair() {
    return new PublishedPair();
  }

  @Bean
  RegionStateMachine regionStateMachine(FailoverProperties properties) {
    FailoverProperties.Policy policy = properties.policy();
    return new RegionStateMachine(new FailoverPolicy(policy.automaticFailover(), policy.failbackWindow(),
        policy.failbackRequiresApproval()), () -> "fo-" + UUID.randomUUID());
  }

  /** The value serde of the inputs and the topics written: the registry wire format. */
  @Bean
  LifelineAvroSerde failoverEventSerde(@Value("${lifeline.schema-registry.url}") String registryUrl,
      @Value("${lifeline.schema-registry.basic-auth-user-info:}") String userInfo,
      @Value("${lifeline.schema-registry.auto-register:false}") boolean autoRegister) {
    return LifelineAvroSerde.forValues(registryUrl, userInfo, autoRegister, "BY_TOPIC_DEFINITION");
  }

  /** Bound by the Kafka Streams binder to failover.events and failover.commands, as bytes. */
  @Bean
  Consumer<KStream<String, byte[]>> pairWriter(RegionPair pair, RegionStateMachine machine, FailoverProperties properties,
      PublishedPair published, LifelineAvroSerde failoverEventSerde) {
    PairTopology topology = new PairTopology(pair, machine, new PairEvents(pair, properties.alarmService(), UUID::randomUUID),
        published, properties.decisionTick());
    return input -> topology.attach(input, failoverEventSerde.deserializer(), failoverEventSerde.serializer());
  }

  @Bean
  StoreBuilder<KeyValueStore<String, byte[]>> pairStore() {
    return PairStore.builder();
  }

  /** A stopping instance leaves the group at once, so the pair's writer moves without waiting out the session. */
  @Bean
  StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
    return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
  }

  @Bean
  FailoverCommands failoverCommands(RegionPair pair, PublishedPair published, KafkaTemplate<String, SpecificRecord> kafka,
      FailoverProperties properties, Clock clock) {
    return new FailoverCommands(pair, published, new AcknowledgedPublisher(kafka, properties.publishAckTimeout()),
        properties.decisionWait(), clock);
  }
}
