package io.codelibra.lifeline.ingest.inbound;

import io.codelibra.lifeline.ingest.alert.InboundAlert;

/** What one record on {@code alerts.inbound} turned out to be: an alert to accept, or a record to dead-letter. */
public sealed interface InboundRecord {

  /** A valid record, read as the alert it carries. */
  record Alert(InboundAlert alert) implements InboundRecord {
  }

  /** A record that can never become an alert, with the reason and a message for the sender. */
  record Rejected(RejectionReason reason, String message) implements InboundRecord {
  }
}
