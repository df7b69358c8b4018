package io.codelibra.lifeline.escalation.stream;

import io.codelibra.lifeline.escalation.incident.IncidentEngine;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.runtime.streams.DecodedInput;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The escalation topology after its sources: alerts and operators' requests are keyed by routing key
 * (dedup key, or the service for grouping services: then re-keyed and repartitioned), applied to incidents by
 * {@link IncidentProcessor}, and the resulting events go to {@code incidents} or {@code notifications},
 * keyed by incident id. The sources are bound by Spring Cloud Stream in the service and built by hand
 * in topology tests.
 */
public final class EscalationTopology {

  static final String REPARTITION = "incident-routing";

  private final IncidentEngine engine;
  private final Duration tick;
  private final Duration resolvedRetention;
  private final EscalationMetrics metrics;

  public EscalationTopology(IncidentEngine engine, Duration tick, Duration resolvedRetention, EscalationMetrics metrics) {
    this.engine = engine;
    this.tick = tick;
    this.resolvedRetention = resolvedRetention;
    this.metrics = metrics;
  }

  /**
   * {@code input} carries {@code alerts} and {@code incidents.commands} as raw bytes, decoded here by
   * {@code decoder} (undecodable records go to {@code escalation.dlq}); {@code maintenanceStore} is the
   * store of the global table of {@code status.maintenance}. {@code internalEvents} serialises the
   * repartition topic (several event types, subjects registered by the service itself), {@code events}
   * the published topics.
   */
  public void attach(KStream<String, byte[]> input, Deserializer<SpecificRecord> decoder,
      Serde<SpecificRecord> internalEvents, Serde<SpecificRecord> events, String maintenanceStore) {
    KStream<String, SpecificRecord> known = DecodedInput.decode(input, decoder, Topics.ESCALATION_DLQ.name());
    // Without grouping the routing key is the alert's fingerprint, which is already the key of `alerts`
    // (and of incidents.commands): no repartition, so one transaction commit fewer before a page.
    KStream<String, SpecificRecord> routed = engine.catalog().groupsAlerts()
        ? known.selectKey((key, value) -> engine.routingKeyOf(value, key), Named.as("routing-key"))
            .repartition(Repartitioned.<String, SpecificRecord>as(REPARTITION).withKeySerde(Serdes.String())
                .withValueSerde(internalEvents))
        : known;
    routed
        .process(() -> new IncidentProcessor(engine, tick, resolvedRetention, metrics, maintenanceStore), Named.as("incidents"),
            IncidentStores.INCIDENTS, IncidentStores.OPEN_BY_ROUTING_KEY, IncidentStores.TIMERS)
        .to((key, value, context) -> value instanceof NotificationRequested
                ? Topics.NOTIFICATIONS.name() : Topics.INCIDENTS.name(),
            Produced.with(Serdes.String(), events));
  }
}
