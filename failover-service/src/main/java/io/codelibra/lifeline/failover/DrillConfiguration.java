package io.codelibra.lifeline.failover;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.FailoverAction;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.failover.drill.DrillRunner;
import io.codelibra.lifeline.failover.drill.DrillSettings;
import io.codelibra.lifeline.failover.drill.Drills;
import io.codelibra.lifeline.failover.drill.FailoverEventFeed;
import io.codelibra.lifeline.failover.drill.KafkaFailoverEventFeed;
import io.codelibra.lifeline.failover.drill.PairRequests;
import io.codelibra.lifeline.failover.executor.DatabaseFailovers;
import io.codelibra.lifeline.failover.executor.ExecutorProperties;
import io.codelibra.lifeline.failover.executor.TargetHealth;
import io.codelibra.lifeline.failover.fault.FaultInjection;
import io.codelibra.lifeline.failover.pair.FailoverCommands;
import io.codelibra.lifeline.failover.region.PairState;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires failover drills: the pair's requests, the fault injection (when configured), the event feed, the report. */
@Configuration(proxyBeanMethods = false)
public class DrillConfiguration {

  static final String SOURCE = "failover-service/drill";

  @Bean
  DrillRunner drillRunner(RegionPair pair, FailoverCommands commands, ObjectProvider<FaultInjection> faults,
      TargetHealth targetHealth, ObjectProvider<DatabaseFailovers> databases, FailoverProperties properties,
      ExecutorProperties executor, ConsumerFactory<String, SpecificRecord> consumers,
      KafkaTemplate<String, SpecificRecord> kafka, Clock clock) {
    PairRequests requests = new PairRequests() {
      @Override
      public Sent send(FailoverAction action, String reason, Actor by,
          boolean dryRun, String drillId) {
        FailoverCommands.Sent sent = commands.send(action, FailoverTrigger.drill, null, reason, by, dryRun, drillId, SOURCE);
        return new Sent(UUID.fromString(sent.request().getEventId().toString()), sent.decision());
      }

      @Override
      public Optional<PairState> current() {
        return commands.state();
      }
    };
    DatabaseFailovers data = databases.getIfAvailable(() -> DatabaseFailovers.NONE);
    Properties overrides = new Properties();
    overrides.putAll(KafkaFailoverEventFeed.CONSUMER_OVERRIDES);
    FailoverEventFeed.Opener feeds = () -> KafkaFailoverEventFeed.atEnd(
        consumers.createConsumer(null, "failover-drill", null, overrides));
    AcknowledgedPublisher publisher = new AcknowledgedPublisher(kafka, properties.publishAckTimeout());
    FailoverProperties.DrillTimeouts timeouts = properties.drill();
    DrillSettings settings = new DrillSettings(timeouts.detection(), timeouts.decision(), timeouts.run(), timeouts.restore(),
        properties.policy().automaticFailover(), properties.policy().failbackRequiresApproval(), procedure(executor));
    return new DrillRunner(pair, requests, faults.getIfAvailable(), targetHealth,
        Stream.concat(data.readiness().stream(), Stream.ofNullable(data.failover())).toList(), properties.checkDefinitions(),
        feeds, (regionPair, event) -> publisher.publish(Topics.FAILOVER_EVENTS.name(), regionPair, event), settings, clock,
        UUID::randomUUID);
  }

  @Bean(destroyMethod = "close")
  Drills drills(DrillRunner runner, RegionPair pair, Clock clock) {
    return new Drills(runner, pair, clock);
  }

  private static String procedure(ExecutorProperties executor) {
    ExecutorProperties.Verification verification = executor.verification();
    return "verify-target-healthy, check-data-readiness, promote-database (" + executor.database().mode().name().toLowerCase(Locale.ROOT)
        + "), flip-routing (" + (executor.routing().mode() == null ? "unset" : executor.routing().mode().name().toLowerCase(Locale.ROOT))
        + "), verify-traffic (" + (verification.url() == null ? "none" : verification.url()) + ")";
  }
}
