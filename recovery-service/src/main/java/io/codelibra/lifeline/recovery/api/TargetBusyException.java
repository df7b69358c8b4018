package io.codelibra.lifeline.recovery.api;

/** Another run holds the target resource (409): one run per target at a time. */
public class TargetBusyException extends RuntimeException {

  public TargetBusyException(String message) {
    super(message);
  }
}
