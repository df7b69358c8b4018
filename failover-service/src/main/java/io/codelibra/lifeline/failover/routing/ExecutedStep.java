package io.codelibra.lifeline.failover.routing;

import java.time.Instant;
import java.util.Objects;

/**
 * One step an executor performed, with its timing; maps 1:1 to the Avro {@code io.codelibra.lifeline.events.TimedStep}
 * that {@code FailoverCompleted.steps} carries ({@link Outcome} names are the Avro {@code StepOutcome} symbols upper-cased).
 */
public record ExecutedStep(String name, Instant startedAt, Instant endedAt, Outcome outcome, String detail) {

  /** How a step ended; the same symbols as the Avro {@code StepOutcome}. */
  public enum Outcome { SUCCEEDED, FAILED, SKIPPED, TIMED_OUT, ROLLED_BACK, CANCELLED }

  public ExecutedStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(outcome, "outcome");
  }
}
