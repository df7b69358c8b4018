package io.codelibra.lifeline.ingest.alert;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/** An alert event ready for the {@code alerts} topic, with its key (the fingerprint). */
public record NormalisedAlert(String fingerprint, SpecificRecord event) {

  /** The event's id; every Lifeline event has one. */
  public String eventId() {
    return ((GenericRecord) event).get("eventId").toString();
  }
}
