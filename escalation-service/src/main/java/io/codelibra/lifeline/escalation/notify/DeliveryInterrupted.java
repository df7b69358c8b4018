package io.codelibra.lifeline.escalation.notify;

/** The service is stopping during a delivery: no outcome is recorded, so the request is consumed again. */
public class DeliveryInterrupted extends RuntimeException {

  public DeliveryInterrupted(String message, Throwable cause) {
    super(message, cause);
  }
}
