package io.codelibra.lifeline.recovery.kubernetes;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code k8s.rollout-undo}: what {@code kubectl rollout undo} does, the pod template of the previous revision (or of
 * {@code to-revision}) put back into the Deployment. The Deployment gets {@code lifeline.io/undo-key} = the idempotency
 * key and {@code lifeline.io/undo-revision}: a retried step finds its own undo there and does not roll back twice.
 */
public final class RolloutUndoAction implements RecoveryAction {

  static final String UNDO_KEY = "lifeline.io/undo-key";
  static final String UNDO_REVISION = "lifeline.io/undo-revision";

  private final KubernetesCluster cluster;

  public RolloutUndoAction(KubernetesCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "k8s.rollout-undo";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("namespace", "deployment");
  }

  @Override
  public String plan(ActionCall call) {
    return "roll Deployment " + call.required("namespace") + "/" + call.required("deployment") + " back to "
        + call.optional("to-revision").map(r -> "revision " + r).orElse("its previous revision")
        + ", unless undo " + call.idempotencyKey() + " is already applied";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    String namespace = call.required("namespace");
    String deployment = call.required("deployment");
    Optional<Long> toRevision = call.optional("to-revision").map(RolloutUndoAction::parseRevision);
    DeploymentStatus current = cluster.deployment(namespace, deployment);
    String appliedRevision = current.annotations().get(UNDO_REVISION);
    if (call.idempotencyKey().equals(current.annotations().get(UNDO_KEY)) && appliedRevision != null) {
      return new ActionResult(Map.of("revision", appliedRevision), "Deployment " + current.qualifiedName()
          + " was already rolled back to revision " + appliedRevision + " by " + call.idempotencyKey());
    }
    List<Long> revisions = cluster.revisions(namespace, deployment);
    long currentRevision = current.revision()
        .orElseGet(() -> revisions.stream().mapToLong(Long::longValue).max().orElse(0));
    long target = target(current.qualifiedName(), revisions, currentRevision, toRevision);
    if (target == currentRevision) {
      return new ActionResult(Map.of("revision", Long.toString(target)), "skipped rollback of Deployment "
          + current.qualifiedName() + ": it is at revision " + target + " already");
    }
    cluster.rollBack(namespace, deployment, target, Map.of(UNDO_KEY, call.idempotencyKey(),
        UNDO_REVISION, Long.toString(target)));
    return new ActionResult(Map.of("revision", Long.toString(target)), "rolled Deployment "
        + current.qualifiedName() + " back from revision " + currentRevision + " to revision " + target);
  }

  /** {@code to-revision} when given (it must be in the history), else the newest revision before the current one. */
  static long target(String deployment, List<Long> revisions, long currentRevision, Optional<Long> toRevision) {
    if (toRevision.isPresent()) {
      if (!revisions.contains(toRevision.get())) {
        throw new ActionFailedException("Deployment " + deployment + " has no revision " + toRevision.get()
            + " in its rollout history " + revisions.stream().sorted().toList(), false);
      }
      return toRevision.get();
    }
    return revisions.stream().filter(r -> r < currentRevision).max(Long::compare)
        .orElseThrow(() -> new ActionFailedException("Deployment " + deployment + " has no revision before "
            + currentRevision + " to roll back to (history " + revisions.stream().sorted().toList() + ")", false));
  }

  private static long parseRevision(String text) {
    try {
      long revision = Long.parseLong(text);
      if (revision > 0) {
        return revision;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ActionFailedException("to-revision '" + text + "' is not a positive revision number", false);
  }
}
