package io.codelibra.lifeline.recovery.action;

/** A step's action did not succeed; {@code retryable} when another attempt may (throttling, a transient state). */
public class ActionFailedException extends RuntimeException {

  private final boolean retryable;

  public ActionFailedException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public ActionFailedException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
