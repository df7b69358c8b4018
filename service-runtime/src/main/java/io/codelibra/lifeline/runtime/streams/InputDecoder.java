package io.codelibra.lifeline.runtime.streams;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes the raw input inside the topology instead of in the consumer, so a record that is not a
 * known event (not the registry wire format, an unknown schema id, an empty value) can be routed to
 * the dead-letter topic in the same exactly-once transaction rather than stop the application or be dropped.
 */
public final class InputDecoder implements FixedKeyProcessor<String, byte[], DecodedEvent> {

  private final Deserializer<SpecificRecord> events;
  private FixedKeyProcessorContext<String, DecodedEvent> context;

  public InputDecoder(Deserializer<SpecificRecord> events) {
    this.events = events;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, DecodedEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    String topic = context.recordMetadata().map(metadata -> metadata.topic()).orElse("");
    if (record.value() == null || record.value().length == 0) {
      context.forward(record.withValue(DecodedEvent.undecodable(record.value(), "empty value")));
      return;
    }
    try {
      SpecificRecord event = events.deserialize(topic, record.headers(), record.value());
      context.forward(record.withValue(event == null
          ? DecodedEvent.undecodable(record.value(), "decoded to nothing")
          : DecodedEvent.decoded(event)));
    } catch (RuntimeException e) {
      context.forward(record.withValue(DecodedEvent.undecodable(record.value(),
          e.getClass().getSimpleName() + ": " + e.getMessage())));
    }
  }
}
