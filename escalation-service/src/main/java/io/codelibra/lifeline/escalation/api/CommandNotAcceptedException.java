package io.codelibra.lifeline.escalation.api;

/** The broker did not acknowledge an operator's request: nothing was accepted, the API answers 503. */
public class CommandNotAcceptedException extends RuntimeException {

  public CommandNotAcceptedException(Throwable cause) {
    super("the request could not be recorded: the broker did not acknowledge it", cause);
  }
}
