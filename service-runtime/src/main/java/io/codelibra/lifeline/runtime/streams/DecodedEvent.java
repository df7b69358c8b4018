package io.codelibra.lifeline.runtime.streams;

import org.apache.avro.specific.SpecificRecord;

/** An input record after decoding: the event, or the raw bytes and why they could not be decoded. */
public record DecodedEvent(SpecificRecord event, byte[] raw, String error) {

  public static DecodedEvent decoded(SpecificRecord event) {
    return new DecodedEvent(event, null, null);
  }

  public static DecodedEvent undecodable(byte[] raw, String error) {
    return new DecodedEvent(null, raw, error);
  }

  public boolean failed() {
    return event == null;
  }
}
