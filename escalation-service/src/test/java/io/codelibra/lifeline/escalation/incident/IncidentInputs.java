package io.codelibra.lifeline.escalation.incident;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertAcknowledged;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.IncidentAction;
import io.codelibra.lifeline.events.IncidentActionRequested;
import io.codelibra.lifeline.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** The engine's inputs as the topology hands them over (alerts from alert-ingest, operators' requests), and its outputs by type. */
final class IncidentInputs {

  /** When the first alert of every test fires. */
  static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
  static final String SOURCE = "alertmanager:prod";
  static final Actor ALICE = new Actor(ActorType.user, "alice", "Alice Operator");

  private IncidentInputs() {
  }

  static Instant minutes(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static AlertRaised raised(String fingerprint, String service, Severity severity) {
    return AlertRaised.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(T0).setSource(SOURCE).setFingerprint(fingerprint)
        .setSourceType(AlertSourceType.alertmanager).setService(service).setSeverity(severity)
        .setSummary("Checkout error rate above 5%")
        .build();
  }

  static AlertAcknowledged acknowledgedAtSource(String fingerprint) {
    return AlertAcknowledged.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(T0).setSource("pagerduty:checkout").setFingerprint(fingerprint)
        .setSourceType(AlertSourceType.pagerduty).setActor(new Actor(ActorType.integration, "pagerduty:checkout", null))
        .setNote("taken in PagerDuty")
        .build();
  }

  static AlertResolved resolvedAtSource(String fingerprint) {
    return AlertResolved.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(T0).setSource(SOURCE).setFingerprint(fingerprint)
        .setSourceType(AlertSourceType.alertmanager).setReason("error rate back under 1%")
        .build();
  }

  /** A request by {@link #ALICE} for {@code incident}; set the action's own fields on the builder. */
  static IncidentActionRequested.Builder request(IncidentState incident, IncidentAction action) {
    return IncidentActionRequested.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(T0).setSource("escalation-service")
        .setIncidentId(incident.incidentId()).setRoutingKey(incident.routingKey()).setAction(action).setActor(ALICE);
  }

  static IncidentActionRequested action(IncidentState incident, IncidentAction action) {
    return request(incident, action).build();
  }

  static List<Class<?>> types(Decision decision) {
    return decision.events().stream().<Class<?>>map(SpecificRecord::getClass).toList();
  }

  static <T extends SpecificRecord> List<T> eventsOf(Decision decision, Class<T> type) {
    return decision.events().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The one event of {@code type}; fails when there is none or more than one. */
  static <T extends SpecificRecord> T only(Decision decision, Class<T> type) {
    List<T> matching = eventsOf(decision, type);
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + type.getSimpleName() + " but got " + types(decision));
    }
    return matching.getFirst();
  }

  static TimelineEntry lastTimelineEntry(IncidentState incident) {
    return incident.timeline().getLast();
  }
}
