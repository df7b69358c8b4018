package io.codelibra.lifeline.escalation;

import io.codelibra.lifeline.escalation.api.IncidentActionPublisher;
import io.codelibra.lifeline.escalation.api.IncidentQueries;
import io.codelibra.lifeline.escalation.contact.ContactBook;
import io.codelibra.lifeline.escalation.contact.ContactFileReader;
import io.codelibra.lifeline.escalation.incident.IncidentEngine;
import io.codelibra.lifeline.escalation.incident.IncidentLinks;
import io.codelibra.lifeline.escalation.incident.IncidentState;
import io.codelibra.lifeline.escalation.policy.EscalationCatalog;
import io.codelibra.lifeline.escalation.policy.PolicyFiles;
import io.codelibra.lifeline.escalation.schedule.ScheduleFiles;
import io.codelibra.lifeline.escalation.schedule.Schedules;
import io.codelibra.lifeline.escalation.stream.EscalationMetrics;
import io.codelibra.lifeline.escalation.stream.EscalationTopology;
import io.codelibra.lifeline.escalation.stream.IncidentStores;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.serde.LifelineAvroSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the escalation domain (files -> catalog, schedules, contacts) into the Kafka Streams topology and the API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscalationProperties.class)
public class EscalationConfiguration {

  static final String SOURCE = "escalation-service";

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Schedules schedules(EscalationProperties properties, ResourceLoader resources) {
    return ScheduleFiles.load(read(properties.scheduleFiles(), resources));
  }

  @Bean
  EscalationCatalog escalationCatalog(EscalationProperties properties, ResourceLoader resources, Schedules schedules) {
    return PolicyFiles.load(read(properties.policyFiles(), resources), schedules.scheduleIds())
        .withDelaysDividedBy(properties.delayDivisor());
  }

  @Bean
  ContactBook contactBook(EscalationProperties properties, ResourceLoader resources) {
    return ContactFileReader.read(read(properties.userFiles(), resources));
  }

  @Bean
  IncidentEngine incidentEngine(EscalationCatalog catalog, Schedules schedules, ContactBook contacts,
      EscalationProperties properties) {
    return new IncidentEngine(catalog, schedules, contacts, SOURCE, UUID::randomUUID, new IncidentLinks(properties.publicUrl()));
  }

  @Bean
  EscalationMetrics escalationMetrics(MeterRegistry registry) {
    return new EscalationMetrics(registry);
  }

  /** The value serde of the published topics: the registry wire format, subjects as every service names them. */
  @Bean
  LifelineAvroSerde escalationEventSerde(@Value("${lifeline.schema-registry.url}") String registryUrl,
      @Value("${lifeline.schema-registry.basic-auth-user-info:}") String userInfo,
      @Value("${lifeline.schema-registry.auto-register:false}") boolean autoRegister) {
    return LifelineAvroSerde.forValues(registryUrl, userInfo, autoRegister, "BY_TOPIC_DEFINITION");
  }

  /**
   * The value serde of the internal repartition topic: it carries several event types, so subjects are
   * per record, and the service registers them itself (the topic is its own, not a published contract).
   */
  @Bean
  LifelineAvroSerde escalationInternalSerde(@Value("${lifeline.schema-registry.url}") String registryUrl,
      @Value("${lifeline.schema-registry.basic-auth-user-info:}") String userInfo) {
    return LifelineAvroSerde.forValues(registryUrl, userInfo, true, "TopicRecordNameStrategy");
  }

  /**
   * Bound by the Kafka Streams binder: in-0 = alerts + incidents.commands as bytes (decoded in the
   * topology, so bad records can be dead-lettered), in-1 = status.maintenance (global table).
   */
  @Bean
  BiConsumer<KStream<String, byte[]>, GlobalKTable<String, SpecificRecord>> escalate(IncidentEngine engine,
      EscalationProperties properties, EscalationMetrics metrics, LifelineAvroSerde escalationEventSerde,
      LifelineAvroSerde escalationInternalSerde) {
    EscalationTopology topology = new EscalationTopology(engine, properties.timerTick(), properties.resolvedRetention(),
        metrics);
    return (input, maintenance) -> topology.attach(input, escalationEventSerde.deserializer(), escalationInternalSerde,
        escalationEventSerde,
        Objects.requireNonNull(maintenance.queryableStoreName(), "the status.maintenance global table has no store"));
  }

  /**
   * A stopping instance leaves the consumer group at once, so its partitions (and their due timers)
   * move to the other instances, or to this one restarted, without waiting out the session timeout.
   */
  @Bean
  StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
    return factoryBean -> factoryBean.setLeaveGroupOnClose(true);
  }

  @Bean
  StoreBuilder<KeyValueStore<String, IncidentState>> incidentStore() {
    return IncidentStores.incidents();
  }

  @Bean
  StoreBuilder<KeyValueStore<String, String>> openIncidentStore() {
    return IncidentStores.openByRoutingKey();
  }

  @Bean
  StoreBuilder<KeyValueStore<String, String>> incidentTimerStore() {
    return IncidentStores.timers();
  }

  @Bean
  IncidentQueries incidentQueries(InteractiveQueryService queries) {
    return new IncidentQueries(queries);
  }

  @Bean
  IncidentActionPublisher incidentActionPublisher(KafkaTemplate<String, SpecificRecord> kafka, Clock clock,
      EscalationProperties properties) {
    return new IncidentActionPublisher(new AcknowledgedPublisher(kafka, properties.commandAckTimeout()), clock, SOURCE);
  }

  private static List<YamlSource> read(List<String> locations, ResourceLoader resources) {
    return locations.stream().map(location -> {
      Resource resource = resources.getResource(location.strip());
      try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
        return YamlSource.of(resource.getFilename() == null ? location : resource.getFilename(), reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + location, e);
      }
    }).toList();
  }
}
