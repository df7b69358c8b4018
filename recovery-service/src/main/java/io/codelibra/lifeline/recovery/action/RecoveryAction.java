package io.codelibra.lifeline.recovery.action;

import java.util.Set;

/**
 * One kind of runbook step, named like {@code rds.restore-db-instance-from-snapshot} or {@code k8s.rollout-restart}.
 * An action must be idempotent under its call's {@link ActionCall#idempotencyKey()}: a step retried, or resumed after a
 * crash before its result was recorded, first looks for what an earlier attempt already did (a snapshot or instance
 * named from the key, an annotation already set) and finishes that instead of acting twice.
 *
 * <p>AWS adapters use the AWS SDK v2; Kubernetes adapters a maintained Java client; local adapters act on the local
 * stack's real files. The same action name has one adapter per environment, chosen by configuration.
 */
public interface RecoveryAction {

  /** The name runbooks use in {@code action:}, e.g. {@code rds.create-db-snapshot}. */
  String name();

  /** The parameters this action requires (validated when runbooks load, so a typo fails at start-up). */
  Set<String> requiredParameters();

  /** What the step would do with these parameters, for dry runs and logs; no side effects, no remote calls. */
  String plan(ActionCall call);

  /**
   * Performs the step, waiting (within {@link ActionCall#timeout()}) until its effect is observable, and returns what
   * later steps may use.
   *
   * @throws ActionFailedException when it did not succeed; {@link ActionFailedException#retryable()} says whether
   *     another attempt may help
   */
  ActionResult execute(ActionCall call);
}
