package io.codelibra.lifeline.recovery.kubernetes;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code k8s.wait-rollout}: what {@code kubectl rollout status} checks, polled (every {@code poll-every}, default 2s)
 * until the step's timeout: the spec update observed, every replica updated and available, no old replica left, and no
 * {@code ProgressDeadlineExceeded} (which fails at once: Kubernetes itself gave up). Only reads, so retries are safe.
 */
public final class WaitRolloutAction implements RecoveryAction {

  private static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

  private final KubernetesCluster cluster;
  private final Clock clock;

  public WaitRolloutAction(KubernetesCluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "k8s.wait-rollout";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("namespace", "deployment");
  }

  @Override
  public String plan(ActionCall call) {
    return "wait up to " + call.timeout() + " until Deployment " + call.required("namespace") + "/"
        + call.required("deployment") + " has rolled out";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    String namespace = call.required("namespace");
    String deployment = call.required("deployment");
    RolloutDeadline deadline = RolloutDeadline.of(call, call.duration("poll-every", DEFAULT_POLL), clock);
    int polls = 0;
    while (true) {
      DeploymentStatus status = cluster.deployment(namespace, deployment);
      polls++;
      if (status.progressDeadlineExceeded() != null) {
        throw new ActionFailedException("Deployment " + status.qualifiedName() + " exceeded its progress deadline: "
            + status.progressDeadlineExceeded(), false);
      }
      Optional<String> waitingFor = status.waitingFor();
      if (waitingFor.isEmpty()) {
        return new ActionResult(Map.of("ready-replicas", Integer.toString(status.readyReplicas())),
            "Deployment " + status.qualifiedName() + " rolled out: " + status.availableReplicas() + " of "
                + status.desiredReplicas() + " replicas available (generation " + status.generation() + ")");
      }
      if (!deadline.pause()) {
        throw new ActionFailedException("Deployment " + status.qualifiedName() + " did not roll out within "
            + call.timeout() + " (" + polls + " polls): still waiting for " + waitingFor.get(), true);
      }
    }
  }
}
