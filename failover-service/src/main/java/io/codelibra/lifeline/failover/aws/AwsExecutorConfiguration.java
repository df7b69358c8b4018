package io.codelibra.lifeline.failover.aws;

import io.codelibra.lifeline.failover.database.AuroraGlobalClusterFailover;
import io.codelibra.lifeline.failover.database.AuroraGlobalClusterSettings;
import io.codelibra.lifeline.failover.database.DynamoDbGlobalTableCheck;
import io.codelibra.lifeline.failover.database.ReadinessCheck;
import io.codelibra.lifeline.failover.database.RdsReplicaPromotion;
import io.codelibra.lifeline.failover.executor.DatabaseFailovers;
import io.codelibra.lifeline.failover.fault.FaultInjection;
import io.codelibra.lifeline.failover.fault.FisExperimentFaultInjection;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.failover.routing.ArcRoutingControlRouter;
import io.codelibra.lifeline.failover.routing.ArcRoutingSettings;
import io.codelibra.lifeline.failover.routing.Route53FailoverRouter;
import io.codelibra.lifeline.failover.routing.Route53FailoverSettings;
import io.codelibra.lifeline.failover.routing.TrafficRouter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;

/**
 * The AWS executors, each chosen by its mode: Route 53 failover records or ARC routing controls for traffic, an RDS
 * replica promotion or an Aurora global database failover (plus DynamoDB global table checks) for data, FIS experiments
 * for live drills. Their SDK clients come from {@link AwsClients}, which closes them with the context.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsFailoverProperties.class)
public class AwsExecutorConfiguration {

  @Bean
  AwsClients awsClients(AwsFailoverProperties properties) {
    return new AwsClients(properties.endpointOverride());
  }

  /** Route 53 is a global service: its API lives in aws-global (us-east-1), whatever the pair's regions. */
  @Bean
  @ConditionalOnProperty(name = "lifeline.failover.routing.mode", havingValue = "route53")
  TrafficRouter route53TrafficRouter(AwsFailoverProperties properties, AwsClients clients, RegionPair pair,
      Clock clock) {
    Route53FailoverSettings settings = properties.route53().settings(pair);
    return new Route53FailoverRouter(clients.build(Route53Client.builder(), Region.AWS_GLOBAL), settings, clock);
  }

  /** One client per cluster endpoint, in that endpoint's region, so the router can fall over to the next one. */
  @Bean
  @ConditionalOnProperty(name = "lifeline.failover.routing.mode", havingValue = "arc")
  TrafficRouter arcTrafficRouter(AwsFailoverProperties properties, AwsClients clients, RegionPair pair, Clock clock) {
    ArcRoutingSettings settings = properties.arc().settings(pair);
    List<Route53RecoveryClusterClient> endpoints = properties.arc().endpoints().stream()
        .map(endpoint -> clients.build(Route53RecoveryClusterClient.builder(), Region.of(endpoint.region()),
            endpoint.endpoint()))
        .toList();
    return new ArcRoutingControlRouter(endpoints, settings, clock);
  }

  /**
   * Promotes the read replica in the secondary region on failover. Failback is {@code null}: a promoted replica is
   * standalone, so moving the data back means re-creating a replica in the primary region and promoting it, which is the
   * recovery runbook's job, not an automatic step.
   */
  @Bean
  @ConditionalOnProperty(name = "lifeline.failover.database.mode", havingValue = "rds")
  DatabaseFailovers rdsDatabaseFailovers(AwsFailoverProperties properties, AwsClients clients, RegionPair pair,
      Clock clock) {
    var settings = properties.rds().settings();
    List<ReadinessCheck> readiness = dynamoDbReadiness(properties, clients, pair, clock);
    RdsClient rds = clients.build(RdsClient.builder(), Region.of(pair.secondary()));
    return new DatabaseFailovers(new RdsReplicaPromotion(rds, settings, clock), null, readiness);
  }

  /**
   * Makes the secondary cluster the global database's writer on failover; on failback, a planned switchover back to
   * the primary cluster when {@code aurora.primary-cluster-arn} is set (each call made in the region of the cluster
   * that is to become the writer), otherwise none.
   */
  @Bean
  @ConditionalOnProperty(name = "lifeline.failover.database.mode", havingValue = "aurora")
  DatabaseFailovers auroraDatabaseFailovers(AwsFailoverProperties properties, AwsClients clients, RegionPair pair,
      Clock clock) {
    AuroraGlobalClusterSettings failover = properties.aurora().failoverSettings();
    AuroraGlobalClusterSettings failback = properties.aurora().failbackSettings();
    List<ReadinessCheck> readiness = dynamoDbReadiness(properties, clients, pair, clock);
    return new DatabaseFailovers(
        new AuroraGlobalClusterFailover(clients.build(RdsClient.builder(), Region.of(pair.secondary())), failover,
            clock),
        failback == null ? null : new AuroraGlobalClusterFailover(
            clients.build(RdsClient.builder(), Region.of(pair.primary())), failback, clock),
        readiness);
  }

  /** No database to promote, but DynamoDB global tables whose replica must be ready before traffic moves. */
  @Bean
  @ConditionalOnProperty(name = "lifeline.failover.database.mode", havingValue = "none", matchIfMissing = true)
  @Conditional(DynamoDbTablesNamed.class)
  DatabaseFailovers dynamoDbReadinessOnly(AwsFailoverProperties properties, AwsClients clients, RegionPair pair,
      Clock clock) {
    return new DatabaseFailovers(null, null, dynamoDbReadiness(properties, clients, pair, clock));
  }

  /** One FIS client per region of the pair: an experiment runs in the region it disrupts. */
  @Bean
  @ConditionalOnProperty(name = "lifeline.failover.fault-injection.mode", havingValue = "fis")
  FaultInjection fisFaultInjection(AwsFailoverProperties properties, AwsClients clients, RegionPair pair,
      Clock clock) {
    var settings = properties.fis().settings(pair);
    Map<String, FisClient> fisByRegion = new LinkedHashMap<>();
    for (String region : List.of(pair.primary(), pair.secondary())) {
      fisByRegion.put(region, clients.build(FisClient.builder(), Region.of(region)));
    }
    return new FisExperimentFaultInjection(fisByRegion, settings, clock);
  }

  private static List<ReadinessCheck> dynamoDbReadiness(AwsFailoverProperties properties, AwsClients clients,
      RegionPair pair, Clock clock) {
    AwsFailoverProperties.DynamoDb dynamoDb = properties.dynamodb();
    if (!dynamoDb.configured()) {
      return List.of();
    }
    var settings = dynamoDb.settings(pair);
    DynamoDbClient client = clients.build(DynamoDbClient.builder(), Region.of(settings.secondaryRegion()));
    return List.of(new DynamoDbGlobalTableCheck(client, settings, clock));
  }

  /** True when {@code lifeline.failover.aws.dynamodb.table-names} lists at least one table. */
  static final class DynamoDbTablesNamed implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return Binder.get(context.getEnvironment())
          .bind(AwsFailoverProperties.PREFIX + ".dynamodb.table-names", Bindable.listOf(String.class))
          .map(names -> !names.isEmpty())
          .orElse(false);
    }
  }
}
