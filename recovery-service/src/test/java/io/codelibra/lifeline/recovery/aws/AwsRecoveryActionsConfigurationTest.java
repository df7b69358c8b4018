package io.codelibra.lifeline.recovery.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.recovery.action.RecoveryAction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class AwsRecoveryActionsConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(AwsRecoveryActionsConfiguration.class);

  @Test
  void exposesEveryAwsActionInAwsMode() {
    context.withPropertyValues("lifeline.recovery.actions.mode=aws",
            "lifeline.recovery.aws.endpoint-override=http://localhost:4566")
        .run(started -> {
          assertThat(started).hasNotFailed();
          assertThat(started.getBeansOfType(RecoveryAction.class).values()).extracting(RecoveryAction::name)
              .containsExactlyInAnyOrder("rds.create-db-snapshot", "rds.copy-db-snapshot", "rds.latest-snapshot",
                  "rds.restore-db-instance-from-snapshot", "rds.reboot-db-instance", "rds.promote-read-replica",
                  "rds.delete-db-instance", "elasticache.test-failover", "elasticache.describe-replication-group",
                  "s3.check-versioning", "s3.check-replication");
          assertThat(started.getBean(RecoveryAwsProperties.class).endpointOverride())
              .hasToString("http://localhost:4566");
        });
  }

  @Test
  void exposesNoAwsActionInAnyOtherMode() {
    context.withPropertyValues("lifeline.recovery.actions.mode=local")
        .run(started -> assertThat(started).doesNotHaveBean(RecoveryAction.class));
    context.run(started -> assertThat(started).doesNotHaveBean(RecoveryAction.class));
  }
}
