package io.codelibra.lifeline.failover.routing;

/** Thrown by a step that gave up waiting; {@link StepRecorder} records the step as timed out. */
public class StepTimedOutException extends RuntimeException {

  public StepTimedOutException(String message) {
    super(message);
  }
}
