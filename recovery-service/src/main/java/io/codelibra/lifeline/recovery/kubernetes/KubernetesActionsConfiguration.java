package io.codelibra.lifeline.recovery.kubernetes;

import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code k8s.*} actions, on the {@link KubernetesCluster} that {@code lifeline.recovery.actions.kubernetes}
 * chooses: {@code cluster} (the API server of the kubeconfig or in-cluster service account) or {@code local} (the
 * default: files under {@code lifeline.recovery.kubernetes.local-directory}).
 */
@Configuration(proxyBeanMethods = false)
public class KubernetesActionsConfiguration {

  static final String ADAPTER = "lifeline.recovery.actions.kubernetes";

  @Bean
  RecoveryAction k8sPatchSecretAction(KubernetesCluster cluster) {
    return new PatchSecretAction(cluster);
  }

  @Bean
  RecoveryAction k8sRolloutRestartAction(KubernetesCluster cluster, ObjectProvider<Clock> clock) {
    return new RolloutRestartAction(cluster, clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  RecoveryAction k8sRolloutUndoAction(KubernetesCluster cluster) {
    return new RolloutUndoAction(cluster);
  }

  @Bean
  RecoveryAction k8sWaitRolloutAction(KubernetesCluster cluster, ObjectProvider<Clock> clock) {
    return new WaitRolloutAction(cluster, clock.getIfAvailable(Clock::systemUTC));
  }

  /** A real cluster through the fabric8 client and the JDK HTTP client. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = ADAPTER, havingValue = "cluster")
  static class ApiServer {

    @Bean(destroyMethod = "close")
    KubernetesClient lifelineKubernetesClient(
        @Value("${lifeline.recovery.kubernetes.master-url:}") String masterUrl) {
      // autoConfigure: $KUBECONFIG or ~/.kube/config (its current context), else the in-cluster service account.
      Config config = Config.autoConfigure(null);
      if (!masterUrl.isBlank()) {
        config = new ConfigBuilder(config).withMasterUrl(masterUrl).build();
      }
      return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory())
          .build();
    }

    @Bean
    KubernetesCluster apiServerCluster(KubernetesClient lifelineKubernetesClient) {
      return new ApiServerCluster(lifelineKubernetesClient);
    }
  }

  /** The local stack's files; seeds the demo Deployment and Secret when asked. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = ADAPTER, havingValue = "local", matchIfMissing = true)
  static class Local {

    @Bean
    LocalCluster localCluster(
        @Value("${lifeline.recovery.kubernetes.local-directory:${LIFELINE_DATA_DIR:.lifeline}/kubernetes}")
        Path directory,
        @Value("${lifeline.recovery.kubernetes.seed-demo:false}") boolean seedDemo) {
      LocalCluster cluster = new LocalCluster(directory);
      if (seedDemo) {
        cluster.seedDemo();
      }
      return cluster;
    }
  }
}
