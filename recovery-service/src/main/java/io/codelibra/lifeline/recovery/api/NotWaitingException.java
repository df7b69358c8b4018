package io.codelibra.lifeline.recovery.api;

/** The run is not waiting at a manual gate (409). */
public class NotWaitingException extends RuntimeException {

  public NotWaitingException(String message) {
    super(message);
  }
}
