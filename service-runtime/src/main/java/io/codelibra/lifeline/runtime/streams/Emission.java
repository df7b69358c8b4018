package io.codelibra.lifeline.runtime.streams;

import org.apache.avro.specific.SpecificRecord;

/** An event a stream processor writes: to {@code topic} under {@code key}; a null value is a tombstone (compacted topics). */
public record Emission(String topic, String key, SpecificRecord value) {
}
