package io.codelibra.lifeline.recovery.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which adapter {@code lifeline.recovery.actions.kubernetes} chooses, and the four actions it exposes. */
class KubernetesActionsConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(KubernetesActionsConfiguration.class);

  @TempDir
  Path directory;

  @Test
  void localFilesAreTheDefaultAndTheDemoIsSeededWhenAsked() {
    context.withPropertyValues("lifeline.recovery.kubernetes.local-directory=" + directory,
        "lifeline.recovery.kubernetes.seed-demo=true").run(started -> {
          assertThat(started).hasSingleBean(LocalCluster.class).doesNotHaveBean(KubernetesClient.class);
          assertThat(started.getBeansOfType(RecoveryAction.class).values()).extracting(RecoveryAction::name)
              .containsExactlyInAnyOrder("k8s.patch-secret", "k8s.rollout-restart", "k8s.rollout-undo",
                  "k8s.wait-rollout");
          assertThat(directory.resolve("vibe-production/deployments/backend.json")).exists();
          assertThat(Files.readString(directory.resolve("vibe-production/secrets/backend-database.json")))
              .contains("DATABASE_HOST");
        });
  }

  @Test
  void clusterModeTalksToTheGivenApiServer() {
    context.withPropertyValues("lifeline.recovery.actions.kubernetes=cluster",
        "lifeline.recovery.kubernetes.master-url=https://kubernetes.example:6443").run(started -> {
          assertThat(started).hasSingleBean(ApiServerCluster.class).doesNotHaveBean(LocalCluster.class);
          assertThat(started.getBean(KubernetesClient.class).getMasterUrl().toString())
              .startsWith("https://kubernetes.example:6443");
          assertThat(started.getBeansOfType(RecoveryAction.class)).hasSize(4);
        });
  }
}
