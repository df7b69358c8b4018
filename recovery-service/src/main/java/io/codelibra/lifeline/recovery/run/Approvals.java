package io.codelibra.lifeline.recovery.run;

import io.codelibra.lifeline.events.Actor;
import java.time.Duration;
import java.util.Optional;

/** Port: a run's manual gate waits here for an operator's decision. */
public interface Approvals {

  /** The decision on the gate, or empty when none came within {@code timeout}. */
  Optional<Decision> await(String runId, String stepName, String prompt, Duration timeout) throws InterruptedException;

  /** An operator approved (or refused) the gate, with a comment. */
  record Decision(boolean approved, Actor by, String comment) {
  }
}
