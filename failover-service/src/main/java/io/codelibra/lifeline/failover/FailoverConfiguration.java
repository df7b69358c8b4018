package io.codelibra.lifeline.failover;

import io.codelibra.lifeline.failover.health.HealthCheckDefinition;
import io.codelibra.lifeline.failover.health.ProbeByCheckType;
import io.codelibra.lifeline.failover.health.RegionHealthMonitor;
import io.codelibra.lifeline.failover.monitor.HealthMonitoring;
import io.codelibra.lifeline.failover.monitor.MeteredProbe;
import io.codelibra.lifeline.failover.monitor.RegionHealthEvents;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** Wires the region pair's health checks into the monitor that publishes RegionHealthChanged. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FailoverProperties.class)
public class FailoverConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  RegionPair regionPair(FailoverProperties properties) {
    return new RegionPair(properties.primaryRegion(), properties.secondaryRegion());
  }

  @Bean
  HealthMonitoring healthMonitoring(FailoverProperties properties, RegionPair pair, Clock clock, MeterRegistry registry,
      KafkaTemplate<String, SpecificRecord> kafka) {
    List<HealthCheckDefinition> checks = properties.checkDefinitions();
    checks.stream().filter(check -> !pair.contains(check.region())).findFirst().ifPresent(check -> {
      throw new IllegalStateException("lifeline.failover.health-checks: check '" + check.id() + "' is for region "
          + check.region() + ", which is not in the pair " + pair.id());
    });
    Map<String, List<HealthCheckDefinition>> byRegion = checks.stream()
        .collect(Collectors.groupingBy(HealthCheckDefinition::region));
    List<RegionHealthMonitor> monitors = byRegion.entrySet().stream()
        .map(entry -> new RegionHealthMonitor(entry.getKey(), entry.getValue(), clock)).toList();
    return new HealthMonitoring(pair, monitors, new MeteredProbe(ProbeByCheckType.standard(), registry),
        new RegionHealthEvents(pair, UUID::randomUUID), new AcknowledgedPublisher(kafka, properties.publishAckTimeout()),
        properties.monitorTick());
  }
}
