package io.codelibra.lifeline.recovery.api;

/** No such runbook or run (404). */
public class UnknownRunException extends RuntimeException {

  public UnknownRunException(String message) {
    super(message);
  }
}
