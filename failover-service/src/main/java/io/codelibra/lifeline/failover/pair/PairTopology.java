package io.codelibra.lifeline.failover.pair;

import io.codelibra.lifeline.failover.region.PairEvents;
import io.codelibra.lifeline.failover.region.RegionPair;
import io.codelibra.lifeline.failover.region.RegionStateMachine;
import io.codelibra.lifeline.runtime.streams.DecodedInput;
import io.codelibra.lifeline.runtime.streams.Emission;
import io.codelibra.lifeline.runtime.streams.EmissionSerializer;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The pair topology: {@code failover.events} and {@code failover.commands} (both keyed by the pair, with as many
 * partitions, so a pair's records meet in one task) arrive as raw bytes, are decoded (undecodable records go to
 * {@code failover.dlq}), applied by {@link PairProcessor}, and its events go to the topic each belongs to.
 */
public final class PairTopology {

  private final RegionPair pair;
  private final RegionStateMachine machine;
  private final PairEvents events;
  private final PublishedPair published;
  private final Duration tick;

  public PairTopology(RegionPair pair, RegionStateMachine machine, PairEvents events, PublishedPair published, Duration tick) {
    this.pair = pair;
    this.machine = machine;
    this.events = events;
    this.published = published;
    this.tick = tick;
  }

  public void attach(KStream<String, byte[]> input, Deserializer<SpecificRecord> decoder, Serializer<SpecificRecord> encoder) {
    DecodedInput.decode(input, decoder, Topics.FAILOVER_DLQ.name())
        .process(() -> new PairProcessor(pair, machine, events, published, tick), Named.as("pair"), PairStore.NAME)
        .to((key, emission, context) -> emission.topic(),
            Produced.with(Serdes.String(), Serdes.serdeFrom(new EmissionSerializer(encoder), (topic, bytes) -> null)));
  }
}
