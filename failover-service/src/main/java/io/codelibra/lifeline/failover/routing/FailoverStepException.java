package io.codelibra.lifeline.failover.routing;

import java.util.List;

/** An executor run that failed; carries the steps performed up to and including the failed one. */
public class FailoverStepException extends RuntimeException {

  private final List<ExecutedStep> steps;

  public FailoverStepException(String message, List<ExecutedStep> steps, Throwable cause) {
    super(message, cause);
    this.steps = List.copyOf(steps);
  }

  public List<ExecutedStep> steps() {
    return steps;
  }
}
