package io.codelibra.lifeline.recovery.kubernetes;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * {@code k8s.rollout-restart}: what {@code kubectl rollout restart} does, a {@code restartedAt} annotation on the pod
 * template, which rolls every pod. Its pod template also gets {@code lifeline.io/restart-key} = the idempotency key: a
 * retried step finds its own restart there and does not roll the pods twice.
 */
public final class RolloutRestartAction implements RecoveryAction {

  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
  static final String RESTART_KEY = "lifeline.io/restart-key";

  private final KubernetesCluster cluster;
  private final Clock clock;

  public RolloutRestartAction(KubernetesCluster cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "k8s.rollout-restart";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("namespace", "deployment");
  }

  @Override
  public String plan(ActionCall call) {
    return "restart Deployment " + call.required("namespace") + "/" + call.required("deployment")
        + " (pod template annotation " + RESTARTED_AT + "), unless restart " + call.idempotencyKey()
        + " is already applied";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    String namespace = call.required("namespace");
    String deployment = call.required("deployment");
    DeploymentStatus current = cluster.deployment(namespace, deployment);
    if (call.idempotencyKey().equals(current.templateAnnotations().get(RESTART_KEY))) {
      return new ActionResult(Map.of("generation", Long.toString(current.generation())),
          "Deployment " + current.qualifiedName() + " was already restarted by " + call.idempotencyKey()
              + " (generation " + current.generation() + ")");
    }
    // RFC 3339 in seconds, as kubectl writes it.
    String restartedAt = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    DeploymentStatus restarted = cluster.annotatePodTemplate(namespace, deployment,
        Map.of(RESTARTED_AT, restartedAt, RESTART_KEY, call.idempotencyKey()));
    return new ActionResult(Map.of("generation", Long.toString(restarted.generation())),
        "restarted Deployment " + restarted.qualifiedName() + " at " + restartedAt + " (generation "
            + restarted.generation() + ")");
  }
}
