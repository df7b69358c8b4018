package io.codelibra.lifeline.recovery.kubernetes;

import java.util.Map;
import java.util.Optional;

/**
 * What a Deployment says about itself: spec and status counters, its annotations and its pod template's, and the
 * message of a {@code ProgressDeadlineExceeded} condition ({@code null} when it has none).
 *
 * @param desiredReplicas {@code spec.replicas}
 * @param replicas {@code status.replicas}: pods of every revision, old ones still terminating included
 */
public record DeploymentStatus(String namespace, String name, long generation, long observedGeneration,
    int desiredReplicas, int replicas, int updatedReplicas, int availableReplicas, int readyReplicas,
    Map<String, String> annotations, Map<String, String> templateAnnotations, String progressDeadlineExceeded) {

  public DeploymentStatus {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    templateAnnotations = templateAnnotations == null ? Map.of() : Map.copyOf(templateAnnotations);
  }

  /** The rollout revision the Deployment is at, from its revision annotation. */
  public Optional<Long> revision() {
    return Optional.ofNullable(annotations.get(KubernetesCluster.REVISION_ANNOTATION)).map(Long::parseLong);
  }

  /**
   * Why the rollout is not complete, in {@code kubectl rollout status}'s words; empty when it is. A stalled rollout
   * ({@code ProgressDeadlineExceeded}) is not reported here: see {@link #progressDeadlineExceeded()}.
   */
  public Optional<String> waitingFor() {
    if (observedGeneration < generation) {
      return Optional.of("deployment spec update to be observed (generation " + generation + ", observed "
          + observedGeneration + ")");
    }
    if (updatedReplicas < desiredReplicas) {
      return Optional.of(updatedReplicas + " out of " + desiredReplicas + " new replicas to be updated");
    }
    if (replicas > updatedReplicas) {
      return Optional.of((replicas - updatedReplicas) + " old replicas to terminate");
    }
    if (availableReplicas < updatedReplicas) {
      return Optional.of(availableReplicas + " of " + updatedReplicas + " updated replicas to be available");
    }
    return Optional.empty();
  }

  public String qualifiedName() {
    return namespace + "/" + name;
  }
}
