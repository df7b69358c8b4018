package io.codelibra.lifeline.ingest.inbound;

import java.util.Optional;

/**
 * A record on {@code alerts.inbound} that can never become an alert: retrying cannot help, so the
 * error handler sends it to {@code alerts.inbound.dlq} at once. Every other failure is retried.
 */
public class InvalidInboundRecordException extends RuntimeException {

  /** Long enough for every message the reader writes; a sender's 1 MB severity word is not echoed whole. */
  static final int MAX_MESSAGE_CHARS = 2000;

  private final RejectionReason reason;

  public InvalidInboundRecordException(RejectionReason reason, String message) {
    super(message == null ? reason.code()
        : message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "..." : message);
    this.reason = reason;
  }

  public RejectionReason reason() {
    return reason;
  }

  /** The invalid-record exception in a chain of causes (the container wraps what a listener throws). */
  static Optional<InvalidInboundRecordException> findIn(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInboundRecordException invalid) {
        return Optional.of(invalid);
      }
    }
    return Optional.empty();
  }
}
