package io.codelibra.lifeline.escalation.api;

/** A request the API refuses as written: 400. */
public class InvalidActionException extends RuntimeException {

  public InvalidActionException(String message) {
    super(message);
  }
}
