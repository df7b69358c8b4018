package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The runbook actions' AWS adapters, one {@link RecoveryAction} bean each, when {@code lifeline.recovery.actions.mode=aws}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lifeline.recovery.actions.mode", havingValue = "aws")
@EnableConfigurationProperties(RecoveryAwsProperties.class)
public class AwsRecoveryActionsConfiguration {

  @Bean(destroyMethod = "close")
  RecoveryAwsClients recoveryAwsClients(RecoveryAwsProperties properties) {
    return new RecoveryAwsClients(properties.endpointOverride());
  }

  @Bean
  AwsActionContext awsActionContext(RecoveryAwsClients clients, RecoveryAwsProperties properties,
      ObjectProvider<Clock> clock) {
    return new AwsActionContext(clients, clock.getIfAvailable(Clock::systemUTC), properties.pollInterval());
  }

  @Bean
  RecoveryAction rdsCreateDbSnapshot(AwsActionContext aws) {
    return new CreateDbSnapshotAction(aws);
  }

  @Bean
  RecoveryAction rdsCopyDbSnapshot(AwsActionContext aws) {
    return new CopyDbSnapshotAction(aws);
  }

  @Bean
  RecoveryAction rdsLatestSnapshot(AwsActionContext aws) {
    return new LatestDbSnapshotAction(aws);
  }

  @Bean
  RecoveryAction rdsRestoreDbInstanceFromSnapshot(AwsActionContext aws) {
    return new RestoreDbInstanceFromSnapshotAction(aws);
  }

  @Bean
  RecoveryAction rdsRebootDbInstance(AwsActionContext aws) {
    return new RebootDbInstanceAction(aws);
  }

  @Bean
  RecoveryAction rdsPromoteReadReplica(AwsActionContext aws) {
    return new PromoteReadReplicaAction(aws);
  }

  @Bean
  RecoveryAction rdsDeleteDbInstance(AwsActionContext aws) {
    return new DeleteDbInstanceAction(aws);
  }

  @Bean
  RecoveryAction elastiCacheTestFailover(AwsActionContext aws) {
    return new TestElastiCacheFailoverAction(aws);
  }

  @Bean
  RecoveryAction elastiCacheDescribeReplicationGroup(AwsActionContext aws) {
    return new DescribeReplicationGroupAction(aws);
  }

  @Bean
  RecoveryAction s3CheckVersioning(AwsActionContext aws) {
    return new CheckBucketVersioningAction(aws);
  }

  @Bean
  RecoveryAction s3CheckReplication(AwsActionContext aws) {
    return new CheckBucketReplicationAction(aws);
  }
}
