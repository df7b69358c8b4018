package io.codelibra.lifeline.escalation.notify;

/** An attempt's outcome could not be published; the request is then consumed again (at least once). */
public class DeliveryNotRecorded extends RuntimeException {

  public DeliveryNotRecorded(String message, Throwable cause) {
    super(message, cause);
  }
}
