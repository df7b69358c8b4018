package io.codelibra.lifeline.statuspage.subscriber;

/** One delivery attempt failed; the reason names no address. Another attempt may pass when {@code retryable}. */
final class DeliveryFailed extends Exception {

  private final boolean retryable;

  DeliveryFailed(String reason, boolean retryable) {
    super(reason, null, false, false);
    this.retryable = retryable;
  }

  boolean retryable() {
    return retryable;
  }
}
