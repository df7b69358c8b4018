package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.events.MaintenanceCompleted;
import io.codelibra.lifeline.events.MaintenanceOutcome;
import io.codelibra.lifeline.events.MaintenanceScheduled;
import io.codelibra.lifeline.events.MaintenanceStarted;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.subscriber.SubscriberNotice.Kind;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The notice each event of {@code status.incidents} and {@code status.maintenance} makes. Maintenance start and
 * completion events carry no title or text: those come from the page, with plain defaults while the page does not
 * know the window yet.
 */
final class EventNotices {

  private static final String MAINTENANCE_IMPACT = "maintenance";
  private static final String UNTITLED = "Scheduled maintenance";

  private EventNotices() {
  }

  /** The notice of an event; empty for any other record. */
  static Optional<SubscriberNotice> of(SpecificRecord event, PageSnapshot page) {
    return Optional.ofNullable(switch (event) {
      case StatusIncidentUpdated updated -> incident(updated);
      case MaintenanceScheduled scheduled ->
          scheduled(scheduled, page.maintenance(scheduled.getMaintenanceId()).orElse(null));
      case MaintenanceStarted started -> started(started, page.maintenance(started.getMaintenanceId()).orElse(null));
      case MaintenanceCompleted completed ->
          completed(completed, page.maintenance(completed.getMaintenanceId()).orElse(null));
      default -> null;
    });
  }

  private static SubscriberNotice incident(StatusIncidentUpdated updated) {
    StatusIncidentStatus status = updated.getStatus();
    String headline = switch (status) {
      case investigating -> "Investigating";
      case identified -> "Identified";
      case monitoring -> "Monitoring";
      case resolved -> "Resolved";
    };
    return new SubscriberNotice(updated.getEventId().toString(), Kind.INCIDENT, updated.getIncidentId(),
        updated.getName(), status.name(), headline, updated.getImpact().name(), updated.getUpdateId(), updated.getBody(),
        updated.getComponentIds(), updated.getCreatedAt(), updated.getOccurredAt(),
        status == StatusIncidentStatus.resolved ? updated.getOccurredAt() : null, null, null);
  }

  /**
   * A rescheduling adds no update to the window, so the event's own id stands for the update.
   *
   * @param window the page's copy of the window; null when it does not have it
   */
  private static SubscriberNotice scheduled(MaintenanceScheduled event, MaintenanceState window) {
    return new SubscriberNotice(event.getEventId().toString(), Kind.MAINTENANCE, event.getMaintenanceId(),
        event.getTitle(), MaintenancePhase.scheduled.name(), "Scheduled maintenance", MAINTENANCE_IMPACT,
        event.getEventId().toString(),
        event.getDescription() == null ? event.getTitle() : event.getDescription(), event.getComponentIds(),
        window == null ? event.getOccurredAt() : window.createdAt(), event.getOccurredAt(), null,
        event.getScheduledFor(), event.getScheduledUntil());
  }

  private static SubscriberNotice started(MaintenanceStarted event, MaintenanceState window) {
    PageUpdate update = latest(window, MaintenancePhase.in_progress);
    return new SubscriberNotice(event.getEventId().toString(), Kind.MAINTENANCE, event.getMaintenanceId(),
        window == null ? UNTITLED : window.title(), MaintenancePhase.in_progress.name(), "Maintenance in progress",
        MAINTENANCE_IMPACT, update == null ? event.getEventId().toString() : update.id(),
        text(update, "The scheduled maintenance has begun."), event.getComponentIds(),
        window == null ? event.getOccurredAt() : window.createdAt(), event.getOccurredAt(), null,
        window == null ? null : window.scheduledFor(), event.getScheduledUntil());
  }

  private static SubscriberNotice completed(MaintenanceCompleted event, MaintenanceState window) {
    PageUpdate update = latest(window, MaintenancePhase.completed);
    boolean cancelled = event.getOutcome() == MaintenanceOutcome.cancelled;
    String body = event.getNote() != null ? event.getNote() : text(update, cancelled
        ? "The scheduled maintenance has been cancelled." : "The scheduled maintenance has been completed.");
    return new SubscriberNotice(event.getEventId().toString(), Kind.MAINTENANCE, event.getMaintenanceId(),
        window == null ? UNTITLED : window.title(), MaintenancePhase.completed.name(),
        cancelled ? "Maintenance cancelled" : "Maintenance completed", MAINTENANCE_IMPACT,
        update == null ? event.getEventId().toString() : update.id(), body, event.getComponentIds(),
        window == null ? event.getOccurredAt() : window.createdAt(), event.getOccurredAt(), event.getOccurredAt(),
        window == null ? null : window.scheduledFor(), window == null ? null : window.scheduledUntil());
  }

  /** The window's latest update when it is the one this event reports (the page may be a step behind); else null. */
  private static PageUpdate latest(MaintenanceState window, MaintenancePhase phase) {
    if (window == null || window.updates().isEmpty()) {
      return null;
    }
    PageUpdate last = window.updates().getLast();
    return phase.name().equals(last.status()) ? last : null;
  }

  private static String text(PageUpdate update, String fallback) {
    return update == null || update.body() == null || update.body().isBlank() ? fallback : update.body();
  }
}
