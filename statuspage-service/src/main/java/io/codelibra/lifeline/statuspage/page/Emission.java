package io.codelibra.lifeline.statuspage.page;

import org.apache.avro.specific.SpecificRecord;

/** An event the page writes: to {@code topic} under {@code key}; a null value is a tombstone (compacted topics). */
public record Emission(String topic, String key, SpecificRecord value) {
}
