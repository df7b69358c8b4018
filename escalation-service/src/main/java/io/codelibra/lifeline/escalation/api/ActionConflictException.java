package io.codelibra.lifeline.escalation.api;

/** The incident's state does not allow the action (e.g. acknowledging a resolved incident): 409. */
public class ActionConflictException extends RuntimeException {

  public ActionConflictException(String message) {
    super(message);
  }
}
