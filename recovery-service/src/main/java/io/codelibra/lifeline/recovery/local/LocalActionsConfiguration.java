package io.codelibra.lifeline.recovery.local;

import io.codelibra.lifeline.recovery.RecoveryProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code rds.*}, {@code elasticache.*} and {@code s3.*} actions on the local stack's files (the default mode,
 * {@code local}); with {@code lifeline.recovery.local.seed-demo} the demo cache group and bucket exist from the start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lifeline.recovery.actions.mode", havingValue = "local", matchIfMissing = true)
public class LocalActionsConfiguration {

  @Bean
  LocalDatabaseStore localDatabaseStore(RecoveryProperties properties, Clock clock) {
    RecoveryProperties.Local local = properties.local();
    Map<String, Path> mapped = new LinkedHashMap<>();
    local.instances().forEach(instance -> mapped.put(instance.region() + "/" + instance.instance(), instance.directory()));
    return new LocalDatabaseStore(root(properties), mapped, local.dataFile(), clock);
  }

  @Bean
  LocalRdsActions localRdsActions(LocalDatabaseStore store, @Value("${lifeline.recovery.local.seed-demo:false}") boolean seedDemo) {
    if (seedDemo) {
      seedDrSnapshot(store);
    }
    return new LocalRdsActions(store);
  }

  /**
   * Like RDS's automated backups copied to the DR region: the demo database gets a snapshot in us-west-2 the first
   * time, so a failover on the local stack finds one to restore.
   */
  private static void seedDrSnapshot(LocalDatabaseStore store) {
    String instance = "vibe-postgres-production";
    if (store.instance("us-east-1", instance).isPresent() && store.latestSnapshot("us-west-2", instance, "any").isEmpty()) {
      LocalDatabaseStore.Snapshot snapshot = store.createSnapshot("us-east-1", instance, "rds-" + instance + "-initial", "automated");
      store.copySnapshot(snapshot, "us-west-2", snapshot.id());
    }
  }

  @Bean
  LocalElastiCacheActions localElastiCacheActions(RecoveryProperties properties,
      @Value("${lifeline.recovery.local.seed-demo:false}") boolean seedDemo) {
    LocalElastiCacheActions actions = new LocalElastiCacheActions(root(properties));
    if (seedDemo) {
      actions.seed("us-east-1", "vibe-redis-production");
    }
    return actions;
  }

  @Bean
  LocalS3Checks localS3Checks(RecoveryProperties properties, @Value("${lifeline.recovery.local.seed-demo:false}") boolean seedDemo) {
    LocalS3Checks checks = new LocalS3Checks(root(properties));
    if (seedDemo) {
      checks.seed("vibe-uploads-production", "vibe-uploads-dr");
    }
    return checks;
  }

  private static Path root(RecoveryProperties properties) {
    return properties.local().dataDirectory() == null ? Path.of(".lifeline") : properties.local().dataDirectory();
  }
}
