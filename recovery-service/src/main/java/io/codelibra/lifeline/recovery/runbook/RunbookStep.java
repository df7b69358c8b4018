package io.codelibra.lifeline.recovery.runbook;

import java.time.Duration;
import java.util.Map;

/**
 * One step: an action with its parameters (templates over {@code ${params.*}}, {@code ${run.*}}, {@code ${event.*}}
 * and earlier steps' outputs {@code ${steps.<name>.<output>}}), a timeout per attempt, retries with exponential
 * backoff, what to do when it fails, an optional verification run after it, and an optional rollback that undoes it
 * when a later step fails under {@code on_failure: rollback}. The action {@value #APPROVAL} is a manual gate: the run
 * waits (durably) for an operator's approval, with {@code prompt} as the question.
 */
public record RunbookStep(String name, String action, Map<String, String> parameters, Duration timeout, Retries retries,
    OnFailure onFailure, Invocation verification, Invocation rollback, int line) {

  public static final String APPROVAL = "approval";

  public RunbookStep {
    parameters = Map.copyOf(parameters);
  }

  public boolean approvalGate() {
    return APPROVAL.equals(action);
  }

  /** What the run does when this step fails after its retries. */
  public enum OnFailure {
    /** Stop the run: outcome failed. */
    ABORT,
    /** Record the failure and go on: outcome partially_succeeded at best. */
    CONTINUE,
    /** Undo the completed steps that have a rollback, newest first: outcome rolled_back. */
    ROLLBACK
  }

  /** Attempts in all (1 = no retry), with exponential backoff from {@code backoff} up to {@code maxBackoff}. */
  public record Retries(int attempts, Duration backoff, Duration maxBackoff) {

    public static final Retries NONE = new Retries(1, Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  /** An action call besides the step's own: its verification or its rollback. */
  public record Invocation(String action, Map<String, String> parameters, Duration timeout) {

    public Invocation {
      parameters = Map.copyOf(parameters);
    }
  }
}
