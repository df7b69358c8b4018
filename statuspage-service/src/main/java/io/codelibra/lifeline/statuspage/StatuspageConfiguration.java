package io.codelibra.lifeline.statuspage;

import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.serde.LifelineAvroSerde;
import io.codelibra.lifeline.statuspage.admin.StatusPageCommands;
import io.codelibra.lifeline.statuspage.config.PageConfiguration;
import io.codelibra.lifeline.statuspage.config.StatuspageProperties;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import io.codelibra.lifeline.statuspage.page.StatusPageEngine;
import io.codelibra.lifeline.statuspage.stream.PageStore;
import io.codelibra.lifeline.statuspage.stream.StatusPageMetrics;
import io.codelibra.lifeline.statuspage.stream.StatusPageTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the page's configuration and engine into the Kafka Streams writer, and the admin API's publisher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatuspageProperties.class)
public class StatuspageConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  PageConfiguration pageConfiguration(StatuspageProperties properties) {
    return PageConfiguration.of(properties);
  }

  @Bean
  PublishedPage publishedPage() {
    return new PublishedPage();
  }

  @Bean
  StatusPageEngine statusPageEngine(PageConfiguration configuration) {
    return new StatusPageEngine(configuration.definition(), configuration.rules(), configuration.templates(), UUID::randomUUID);
  }

  /** The value serde of the inputs and published topics: the registry wire format. */
  @Bean
  LifelineAvroSerde statuspageEventSerde(@Value("${lifeline.schema-registry.url}") String registryUrl,
      @Value("${lifeline.schema-registry.basic-auth-user-info:}") String userInfo,
      @Value("${lifeline.schema-registry.auto-register:false}") boolean autoRegister) {
    return LifelineAvroSerde.forValues(registryUrl, userInfo, autoRegister, "BY_TOPIC_DEFINITION");
  }

  /** The value serde of the internal repartition topic (several event types; the service registers them). */
  @Bean
  LifelineAvroSerde statuspageInternalSerde(@Value("${lifeline.schema-registry.url}") String registryUrl,
      @Value("${lifeline.schema-registry.basic-auth-user-info:}") String userInfo) {
    return LifelineAvroSerde.forValues(registryUrl, userInfo, true, "TopicRecordNameStrategy");
  }

  /** Bound by the Kafka Streams binder to incidents, failover.events and status.commands, as bytes. */
  @Bean
  Consumer<KStream<String, byte[]>> statusPage(StatusPageEngine engine, PageConfiguration configuration,
      PublishedPage published, StatuspageProperties properties, MeterRegistry registry,
      LifelineAvroSerde statuspageEventSerde, LifelineAvroSerde statuspageInternalSerde) {
    StatusPageTopology topology = new StatusPageTopology(engine, configuration.settings(), published, properties.timerTick(),
        new StatusPageMetrics(registry));
    return input -> topology.attach(input, statuspageEventSerde.deserializer(), statuspageInternalSerde,
        statuspageEventSerde.serializer());
  }

  @Bean
  StoreBuilder<KeyValueStore<String, byte[]>> pageStore() {
    return PageStore.builder();
  }

  /** A stopping instance leaves the group at once, so the page's writer moves without waiting out the session. */
  @Bean
  StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
    return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
  }

  @Bean
  StatusPageCommands statusPageCommands(KafkaTemplate<String, SpecificRecord> kafka, StatuspageProperties properties,
      PublishedPage published, Clock clock) {
    return new StatusPageCommands(new AcknowledgedPublisher(kafka, properties.commandAckTimeout()), published, clock);
  }
}
