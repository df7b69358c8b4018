package io.codelibra.lifeline.recovery.postmortem;

import static io.codelibra.lifeline.recovery.postmortem.EventFields.actor;
import static io.codelibra.lifeline.recovery.postmortem.EventFields.human;

import io.codelibra.lifeline.events.AlertAcknowledged;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * One line of an incident's timeline: when (UTC), who reported it (the event's {@code source}), the event type and a
 * one-line plain-text detail. {@code detail} is raw text from the events: renderers neutralise it for their format.
 */
public record TimelineEntry(Instant at, String source, String event, String detail, String eventId) {

  public static TimelineEntry of(SpecificRecord event) {
    return new TimelineEntry(EventFields.occurredAt(event), EventFields.source(event), EventFields.type(event),
        detail(event), EventFields.eventId(event));
  }

  static String detail(SpecificRecord event) {
    return switch (event) {
      case IncidentOpened e -> "[%s] %s; service %s, %s urgency%s".formatted(e.getSeverity(), e.getTitle(), e.getService(),
          e.getUrgency(), e.getAssignedUserIds().isEmpty() ? "" : ", paged " + String.join(", ", e.getAssignedUserIds()));
      case IncidentEscalated e -> "escalated to level %d (%s)%s".formatted(e.getLevel(), e.getReason(),
          e.getResolvedUserIds().isEmpty() ? "" : ", notified " + String.join(", ", e.getResolvedUserIds()));
      case IncidentAcknowledged e -> "acknowledged by %s%s%s".formatted(actor(e.getActor()),
          e.getVia() == null ? "" : " via " + e.getVia(),
          e.getTimeToAcknowledgeMs() == null ? "" : " after " + human(e.getTimeToAcknowledgeMs()));
      case IncidentResolved e -> "resolved by %s (%s)%s%s".formatted(actor(e.getActor()), e.getReason(),
          e.getTimeToResolveMs() == null ? "" : " after " + human(e.getTimeToResolveMs()),
          e.getResolution() == null ? "" : ": " + e.getResolution());
      case AlertRaised e -> "[%s] %s (alert %s)".formatted(e.getSeverity(), e.getSummary(), e.getFingerprint());
      case AlertAcknowledged e -> "alert %s acknowledged by %s%s".formatted(e.getFingerprint(), actor(e.getActor()),
          e.getNote() == null ? "" : ": " + e.getNote());
      case AlertResolved e -> "alert %s resolved%s".formatted(e.getFingerprint(),
          e.getReason() == null ? "" : ": " + e.getReason());
      case StatusIncidentUpdated e -> "status page '%s': %s, impact %s: %s".formatted(e.getName(), e.getStatus(),
          e.getImpact(), e.getBody());
      case FailoverRequested e -> "%s %s -> %s requested (%s%s): %s".formatted(e.getDirection(), e.getFromRegion(),
          e.getToRegion(), e.getTrigger(), e.getDryRun() ? ", dry run" : "", e.getReason());
      case FailoverCompleted e -> "%s %s -> %s %s in %s; active region %s%s".formatted(e.getDirection(),
          e.getFromRegion(), e.getToRegion(), e.getOutcome(), human(e.getDurationMs()), e.getActiveRegion(),
          e.getError() == null ? "" : ": " + e.getError());
      case RegionHealthChanged e -> "%s (%s) %s -> %s: %s".formatted(e.getRegion(), e.getRole(),
          e.getPreviousHealth() == null ? "unknown" : e.getPreviousHealth(), e.getHealth(), e.getReason());
      case RegionRestored e -> "%s (%s) restored, healthy since %s%s".formatted(e.getRegion(), e.getRole(),
          e.getHealthySince(), e.getDowntimeMs() == null ? "" : ", down " + human(e.getDowntimeMs()));
      case RecoveryStarted e -> "runbook %s '%s' (tier %d) started on %s%s".formatted(e.getRunbookId(), e.getTitle(),
          e.getTier(), e.getTargetResource(), e.getDryRun() ? ", dry run" : "");
      case RecoveryStepCompleted e -> "step %d %s (%s) %s in %s%s%s".formatted(e.getStepIndex() + 1, e.getStepName(),
          e.getAction(), e.getOutcome(), human(e.getDurationMs()),
          e.getAttempts() > 1 ? " after " + e.getAttempts() + " attempts" : "",
          e.getError() == null ? "" : ": " + e.getError());
      case RecoveryCompleted e -> "runbook %s %s in %s; RTO %s of %s, RPO %s of %s%s".formatted(e.getRunbookId(),
          e.getOutcome(), human(e.getDurationMs()), human(e.getRtoAchievedMs()), human(e.getObjectives().getRtoMs()),
          e.getRpoAchievedMs() == null ? "not measured" : human(e.getRpoAchievedMs()),
          human(e.getObjectives().getRpoMs()), e.getError() == null ? "" : ": " + e.getError());
      default -> EventFields.type(event);
    };
  }
}
