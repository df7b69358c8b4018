package io.codelibra.lifeline.statuspage.stream;

import io.codelibra.lifeline.runtime.streams.DecodedInput;
import io.codelibra.lifeline.runtime.streams.EmissionSerializer;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.runtime.streams.Emission;
import io.codelibra.lifeline.statuspage.page.PageSettings;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import io.codelibra.lifeline.statuspage.page.StatusPageEngine;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The status page topology: incidents, failover events and administrators' changes arrive as raw bytes,
 * are decoded (undecodable records go to {@code statuspage.dlq}), brought onto one partition keyed by the
 * page id (the page has one writer, and sees every input in one order), applied by {@link StatusPageProcessor},
 * and its events go to {@code status.components}, {@code status.incidents} and {@code status.maintenance}.
 */
public final class StatusPageTopology {

  static final String REPARTITION = "page-inputs";

  private final StatusPageEngine engine;
  private final PageSettings settings;
  private final PublishedPage published;
  private final Duration tick;
  private final StatusPageMetrics metrics;

  public StatusPageTopology(StatusPageEngine engine, PageSettings settings, PublishedPage published, Duration tick,
      StatusPageMetrics metrics) {
    this.engine = engine;
    this.settings = settings;
    this.published = published;
    this.tick = tick;
    this.metrics = metrics;
  }

  /**
   * {@code internalEvents} serialises the repartition topic (several event types; the service registers their
   * subjects itself), {@code events} decodes the inputs and encodes the published topics.
   */
  public void attach(KStream<String, byte[]> input, Deserializer<SpecificRecord> decoder, Serde<SpecificRecord> internalEvents,
      Serializer<SpecificRecord> events) {
    DecodedInput.decode(input, decoder, Topics.STATUSPAGE_DLQ.name())
        .selectKey((key, value) -> settings.id(), Named.as("page-key"))
        .repartition(Repartitioned.<String, SpecificRecord>as(REPARTITION).withNumberOfPartitions(1)
            .withKeySerde(Serdes.String()).withValueSerde(internalEvents))
        .process(() -> new StatusPageProcessor(engine, settings, published, tick, metrics), Named.as("page"), PageStore.NAME)
        .to((key, emission, context) -> emission.topic(),
            Produced.with(Serdes.String(), Serdes.serdeFrom(new EmissionSerializer(events), (topic, bytes) -> null)));
  }
}
