package io.codelibra.lifeline.failover.executor;

import io.codelibra.lifeline.failover.database.DatabaseFailover;
import io.codelibra.lifeline.failover.database.LocalDatabaseFailover;
import io.codelibra.lifeline.failover.database.LocalDatabaseSettings;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.failover.routing.LocalTrafficRouter;
import io.codelibra.lifeline.failover.routing.TrafficRouter;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded stack's executors: the routing file the local {@code www} entry point reads, the demo regions' data. */
@Configuration(proxyBeanMethods = false)
public class LocalExecutorConfiguration {

  @Bean
  @ConditionalOnProperty(name = "lifeline.failover.routing.mode", havingValue = "local")
  TrafficRouter localTrafficRouter(ExecutorProperties properties, RegionPair pair, Clock clock) {
    return new LocalTrafficRouter(Objects.requireNonNull(properties.routing().localStateFile(),
        "lifeline.failover.routing.local-state-file"), List.of(pair.primary(), pair.secondary()), clock);
  }

  @Bean
  @ConditionalOnProperty(name = "lifeline.failover.database.mode", havingValue = "local")
  DatabaseFailovers localDatabaseFailovers(ExecutorProperties properties, Clock clock) {
    ExecutorProperties.Local local = properties.database().local();
    Objects.requireNonNull(local.primaryDirectory(), "lifeline.failover.database.local.primary-directory");
    Objects.requireNonNull(local.secondaryDirectory(), "lifeline.failover.database.local.secondary-directory");
    DatabaseFailover failover = new LocalDatabaseFailover(
        new LocalDatabaseSettings(local.primaryDirectory(), local.secondaryDirectory(), local.dataFile()), clock);
    // Failback copies the data the secondary took while it served back to the primary.
    DatabaseFailover failback = new LocalDatabaseFailover(
        new LocalDatabaseSettings(local.secondaryDirectory(), local.primaryDirectory(), local.dataFile()), clock);
    return new DatabaseFailovers(failover, failback, List.of());
  }
}
