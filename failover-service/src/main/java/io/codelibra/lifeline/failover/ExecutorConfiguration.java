package io.codelibra.lifeline.failover;

import io.codelibra.lifeline.failover.executor.DatabaseFailovers;
import io.codelibra.lifeline.failover.executor.ExecutorProperties;
import io.codelibra.lifeline.failover.executor.FailoverExecutor;
import io.codelibra.lifeline.failover.executor.FailoverRunner;
import io.codelibra.lifeline.failover.executor.HttpTrafficVerification;
import io.codelibra.lifeline.failover.executor.ProbedTargetHealth;
import io.codelibra.lifeline.failover.executor.TargetHealth;
import io.codelibra.lifeline.failover.health.ProbeByCheckType;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.failover.routing.TrafficRouter;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

/** Wires the executor of accepted failovers: target health, data, routing and traffic verification adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExecutorProperties.class)
public class ExecutorConfiguration {

  /** The region traffic moves to is probed with the pair's own health checks, once, right before anything changes. */
  @Bean
  TargetHealth targetHealth(FailoverProperties failover) {
    return new ProbedTargetHealth(failover.checkDefinitions(), ProbeByCheckType.standard());
  }

  @Bean
  FailoverRunner failoverRunner(TargetHealth targetHealth, ExecutorProperties properties,
      ObjectProvider<TrafficRouter> routers, ObjectProvider<DatabaseFailovers> databases, Clock clock) {
    TrafficRouter router = routers.getIfAvailable(() -> {
      throw new IllegalStateException("lifeline.failover.routing.mode must be set: local, route53 or arc");
    });
    ExecutorProperties.Verification verification = properties.verification();
    return new FailoverRunner(targetHealth,
        databases.getIfAvailable(() -> DatabaseFailovers.NONE), router,
        verification.url() == null ? null : new HttpTrafficVerification(verification.url(), verification.expect(),
            verification.timeout(), verification.pollEvery()), clock, UUID::randomUUID);
  }

  @Bean
  FailoverExecutor failoverExecutor(RegionPair pair, FailoverRunner runner, KafkaTemplate<String, SpecificRecord> kafka,
      FailoverProperties properties, MeterRegistry meters) {
    return new FailoverExecutor(pair, runner, new AcknowledgedPublisher(kafka, properties.publishAckTimeout()), meters);
  }

  /** Bound by the Kafka binder to failover.requests (group failover-service.executor, read_committed). */
  @Bean
  Consumer<Message<SpecificRecord>> executeFailovers(FailoverExecutor executor) {
    return message -> executor.execute(message.getPayload());
  }
}
