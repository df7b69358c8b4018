package io.codelibra.lifeline.escalation.stream;

import io.codelibra.lifeline.escalation.incident.Decision;
import io.codelibra.lifeline.escalation.incident.IncidentEngine;
import io.codelibra.lifeline.escalation.incident.IncidentState;
import io.codelibra.lifeline.events.AlertAcknowledged;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.IncidentActionRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies alerts, operators' requests and due timers to incidents, keyed by routing key. Timers live
 * in the changelogged timer index and fire from a wall-clock punctuation; with exactly_once_v2 the
 * index update, the incident's new state and its published events commit together, so after a crash
 * or rebalance a timer fires exactly once, from whichever instance then owns the partition.
 */
final class IncidentProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

  private static final Logger log = LoggerFactory.getLogger(IncidentProcessor.class);

  private final IncidentEngine engine;
  private final Duration tick;
  private final Duration resolvedRetention;
  private final EscalationMetrics metrics;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, IncidentState> incidents;
  private KeyValueStore<String, String> openByRoutingKey;
  private KeyValueStore<String, String> timers;
  private final String maintenanceStore;
  private MaintenanceWindows maintenance;

  IncidentProcessor(IncidentEngine engine, Duration tick, Duration resolvedRetention, EscalationMetrics metrics,
      String maintenanceStore) {
    this.engine = engine;
    this.resolvedRetention = resolvedRetention;
    this.maintenanceStore = maintenanceStore;
    this.tick = tick;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    incidents = context.getStateStore(IncidentStores.INCIDENTS);
    openByRoutingKey = context.getStateStore(IncidentStores.OPEN_BY_ROUTING_KEY);
    timers = context.getStateStore(IncidentStores.TIMERS);
    maintenance = new MaintenanceWindows(context.getStateStore(maintenanceStore));
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    SpecificRecord value = record.value();
    String routingKey = engine.routingKeyOf(value, record.key());
    switch (value) {
      case AlertRaised alert -> {
        Optional<IncidentState> current = openIncident(routingKey);
        Optional<String> window = current.isPresent() ? Optional.empty()
            : maintenance.covering(IncidentEngine.serviceOf(alert.getService()), alert.getLabels().get("component"), now);
        apply(current.orElse(null), engine.raise(current, alert, window, now));
      }
      case AlertAcknowledged ack -> openIncident(routingKey)
          .ifPresentOrElse(incident -> apply(incident, engine.acknowledgeFromSource(incident, ack, now)),
              () -> log.debug("AlertAcknowledged for {} matches no open incident", ack.getFingerprint()));
      case AlertResolved resolved -> openIncident(routingKey)
          .ifPresentOrElse(incident -> apply(incident, engine.resolveFromSource(incident, resolved, now)),
              () -> log.debug("AlertResolved for {} matches no open incident", resolved.getFingerprint()));
      case IncidentActionRequested request -> Optional.ofNullable(incidents.get(request.getIncidentId()))
          .ifPresentOrElse(incident -> apply(incident, engine.act(incident, request, now)),
              () -> log.warn("{} for unknown incident {} ignored", request.getAction(), request.getIncidentId()));
      default -> log.warn("ignored unexpected {} on the escalation input", value.getSchema().getFullName());
    }
  }

  private Optional<IncidentState> openIncident(String routingKey) {
    return Optional.ofNullable(openByRoutingKey.get(routingKey)).map(incidents::get).filter(IncidentState::isOpen);
  }

  private void fireDueTimers(long wallClockMs) {
    Instant now = Instant.ofEpochMilli(wallClockMs);
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> range = timers.range(IncidentStores.TIMER_LOWER_BOUND,
        IncidentStores.timerUpperBound(now))) {
      range.forEachRemaining(due::add);
    }
    for (KeyValue<String, String> timer : due) {
      IncidentState incident = incidents.get(timer.value);
      if (incident == null) {
        timers.delete(timer.key);
      } else if (!incident.isOpen()) {
        purge(timer.key, incident);
      } else {
        incident.nextDue().ifPresent(at -> metrics.timerFired(Duration.between(at, now)));
        apply(incident, engine.due(incident, now));
      }
    }
  }

  /** A resolved incident past its retention leaves the stores (and, through the changelogs, the cluster). */
  private void purge(String timerKey, IncidentState incident) {
    timers.delete(timerKey);
    incidents.delete(incident.incidentId());
    if (incident.incidentId().equals(openByRoutingKey.get(incident.routingKey()))) {
      openByRoutingKey.delete(incident.routingKey());
    }
  }

  /** The incident's one timer row: its next escalation, notification or snooze end; or, once resolved, its purge. */
  private Optional<Instant> timerOf(IncidentState incident) {
    return incident.isOpen() ? incident.nextDue()
        : Optional.ofNullable(incident.resolvedAt()).map(at -> at.plus(resolvedRetention));
  }

  private void apply(IncidentState current, Decision decision) {
    IncidentState after = decision.state();
    // An alert after a grouping window opens a new incident beside the current one, which stays as it was.
    IncidentState before = current != null && current.incidentId().equals(after.incidentId()) ? current : null;
    incidents.put(after.incidentId(), after);
    if (before == null) {
      openByRoutingKey.put(after.routingKey(), after.incidentId());
    } else if (!after.isOpen() && after.incidentId().equals(openByRoutingKey.get(after.routingKey()))) {
      openByRoutingKey.delete(after.routingKey());
    }
    Optional<Instant> dueBefore = before == null ? Optional.empty() : timerOf(before);
    Optional<Instant> dueAfter = timerOf(after);
    if (!dueBefore.equals(dueAfter)) {
      dueBefore.ifPresent(at -> timers.delete(IncidentStores.timerKey(at, before.incidentId())));
      dueAfter.ifPresent(at -> timers.put(IncidentStores.timerKey(at, after.incidentId()), after.incidentId()));
    }
    long timestamp = context.currentSystemTimeMs();
    for (SpecificRecord event : decision.events()) {
      context.forward(new Record<>(after.incidentId(), event, timestamp));
    }
    metrics.published(decision.events());
  }
}
