package io.codelibra.lifeline.ingest.cloudwatch;

/**
 * An SNS message that could not be shown to come from SNS. {@link Reason#CERTIFICATE_UNAVAILABLE}
 * is the one failure that may pass on retry (the certificate host did not answer); every other
 * reason means the message is not SNS's.
 */
public class SnsVerificationFailure extends RuntimeException {

  /** Why verification failed; the metric reason and the answer follow from it. */
  public enum Reason {
    UNSUPPORTED_SIGNATURE_VERSION,
    UNTRUSTED_CERTIFICATE_URL,
    CERTIFICATE_UNAVAILABLE,
    BAD_CERTIFICATE,
    BAD_SIGNATURE
  }

  private final Reason reason;

  public SnsVerificationFailure(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SnsVerificationFailure(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
