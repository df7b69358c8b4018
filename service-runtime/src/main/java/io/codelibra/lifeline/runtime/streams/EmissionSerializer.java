package io.codelibra.lifeline.runtime.streams;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Writes an emission's event in the registry wire format; a null event stays null (a tombstone). */
public final class EmissionSerializer implements Serializer<Emission> {

  private final Serializer<SpecificRecord> events;

  public EmissionSerializer(Serializer<SpecificRecord> events) {
    this.events = events;
  }

  @Override
  public byte[] serialize(String topic, Emission emission) {
    return emission.value() == null ? null : events.serialize(topic, emission.value());
  }

  @Override
  public byte[] serialize(String topic, Headers headers, Emission emission) {
    return emission.value() == null ? null : events.serialize(topic, headers, emission.value());
  }
}
