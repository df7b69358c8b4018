package io.codelibra.lifeline.escalation.stream;

import org.apache.avro.specific.SpecificRecord;

/** An input record after decoding: the event, or the raw bytes and why they could not be decoded. */
record DecodedEvent(SpecificRecord event, byte[] raw, String error) {

  static DecodedEvent decoded(SpecificRecord event) {
    return new DecodedEvent(event, null, null);
  }

  static DecodedEvent undecodable(byte[] raw, String error) {
    return new DecodedEvent(null, raw, error);
  }

  boolean failed() {
    return event == null;
  }
}
