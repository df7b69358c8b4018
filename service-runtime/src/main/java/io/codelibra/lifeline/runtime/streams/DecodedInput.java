package io.codelibra.lifeline.runtime.streams;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The first steps of every Lifeline topology that reads raw bytes: decode each record ({@link InputDecoder}), send
 * what cannot be decoded, unchanged and stamped with the dead-letter headers ({@link DeadLetterStamp}), to the
 * service's dead-letter topic in the same transaction, and go on with the decoded events.
 */
public final class DecodedInput {

  private DecodedInput() {
  }

  public static KStream<String, SpecificRecord> decode(KStream<String, byte[]> input, Deserializer<SpecificRecord> decoder,
      String deadLetterTopic) {
    Map<String, KStream<String, DecodedEvent>> branches = input
        .processValues(() -> new InputDecoder(decoder), Named.as("decode"))
        .split(Named.as("input-"))
        .branch((key, decoded) -> decoded.failed(), Branched.as("undecodable"))
        .defaultBranch(Branched.as("events"));
    branches.get("input-undecodable")
        .processValues(DeadLetterStamp::new, Named.as("dead-letter"))
        .to(deadLetterTopic, Produced.with(Serdes.String(), Serdes.ByteArray()));
    return branches.get("input-events").mapValues(DecodedEvent::event, Named.as("known-events"));
  }
}
