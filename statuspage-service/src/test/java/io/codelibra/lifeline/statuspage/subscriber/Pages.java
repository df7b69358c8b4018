package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.MaintenanceCompleted;
import io.codelibra.lifeline.events.MaintenanceOutcome;
import io.codelibra.lifeline.events.MaintenanceScheduled;
import io.codelibra.lifeline.events.MaintenanceStarted;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.events.SubscriberChannel;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.page.PageSettings;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Page snapshots, subscribers and page events as statuspage-service's writer makes them. */
final class Pages {

  static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
  static final PageSettings SETTINGS = new PageSettings("acme", "Acme Status", "https://status.acme.test",
      ZoneId.of("Europe/Berlin"), 90, Duration.ofMinutes(30));
  static final Actor SYSTEM = Actor.newBuilder().setType(ActorType.system).setId("statuspage-service").build();

  private Pages() {
  }

  static PageSnapshot page(List<SubscriberState> subscribers, MaintenanceState... maintenances) {
    return new PageSnapshot(SETTINGS, 7, NOW, List.of(),
        List.of(component("api", "API", ComponentStatus.major_outage),
            component("billing", "Billing", ComponentStatus.operational)),
        Map.of(), List.of(), List.of(maintenances), subscribers, List.of());
  }

  static ComponentState component(String id, String name, ComponentStatus status) {
    return new ComponentState(id, name, null, null, 0, false, false, NOW, NOW, status, Map.of(), null);
  }

  static SubscriberState email(String id, String address, boolean confirmed, String... componentIds) {
    return new SubscriberState(id, SubscriberChannel.email, address, confirmed, List.of(componentIds), NOW,
        confirmed ? NOW : null);
  }

  static SubscriberState webhook(String id, String url, String... componentIds) {
    return new SubscriberState(id, SubscriberChannel.webhook, url, true, List.of(componentIds), NOW, NOW);
  }

  static StatusIncidentUpdated.Builder incidentUpdate() {
    return StatusIncidentUpdated.newBuilder()
        .setEventId(UUID.fromString("00000000-0000-4000-8000-000000000101"))
        .setOccurredAt(NOW)
        .setSource("statuspage-service")
        .setIncidentId("si-1")
        .setName("Elevated API errors")
        .setStatus(StatusIncidentStatus.investigating)
        .setImpact(StatusIncidentImpact.critical)
        .setUpdateId("siu-1")
        .setBody("We are investigating elevated error rates on the API.")
        .setComponentIds(List.of("api"))
        .setCreatedAt(NOW)
        .setActor(SYSTEM);
  }

  static MaintenanceScheduled maintenanceScheduled() {
    return MaintenanceScheduled.newBuilder()
        .setEventId(UUID.fromString("00000000-0000-4000-8000-000000000201"))
        .setOccurredAt(NOW)
        .setSource("statuspage-service")
        .setMaintenanceId("mnt-1")
        .setTitle("Database upgrade")
        .setDescription("The API will be read-only for up to two hours.")
        .setComponentIds(List.of("api"))
        .setScheduledFor(Instant.parse("2026-03-07T22:00:00Z"))
        .setScheduledUntil(Instant.parse("2026-03-08T00:00:00Z"))
        .setActor(SYSTEM)
        .build();
  }

  static MaintenanceStarted maintenanceStarted() {
    return MaintenanceStarted.newBuilder()
        .setEventId(UUID.fromString("00000000-0000-4000-8000-000000000202"))
        .setOccurredAt(Instant.parse("2026-03-07T22:00:00Z"))
        .setSource("statuspage-service")
        .setMaintenanceId("mnt-1")
        .setComponentIds(List.of("api"))
        .setScheduledUntil(Instant.parse("2026-03-08T00:00:00Z"))
        .setActor(SYSTEM)
        .build();
  }

  static MaintenanceCompleted maintenanceCancelled(String note) {
    return MaintenanceCompleted.newBuilder()
        .setEventId(UUID.fromString("00000000-0000-4000-8000-000000000203"))
        .setOccurredAt(Instant.parse("2026-03-07T21:00:00Z"))
        .setSource("statuspage-service")
        .setMaintenanceId("mnt-1")
        .setComponentIds(List.of("api"))
        .setOutcome(MaintenanceOutcome.cancelled)
        .setAutomatic(false)
        .setActor(SYSTEM)
        .setNote(note)
        .build();
  }

  /** The window as the page holds it once started, with the started update's own text. */
  static MaintenanceState startedWindow(String startedText) {
    Instant scheduledAt = NOW;
    Instant startedAt = Instant.parse("2026-03-07T22:00:00Z");
    return new MaintenanceState("mnt-1", "Database upgrade", "The API will be read-only for up to two hours.",
        List.of("api"), startedAt, Instant.parse("2026-03-08T00:00:00Z"), MaintenancePhase.in_progress, null, true, true,
        true, scheduledAt, startedAt, startedAt, null,
        List.of(
            new PageUpdate("mu-1", "scheduled", "The API will be read-only for up to two hours.", scheduledAt, List.of()),
            new PageUpdate("mu-2", "in_progress", startedText, startedAt, List.of())));
  }
}
