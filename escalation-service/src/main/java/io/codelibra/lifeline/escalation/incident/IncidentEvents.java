package io.codelibra.lifeline.escalation.incident;

import io.codelibra.lifeline.escalation.contact.ContactPlan;
import io.codelibra.lifeline.escalation.policy.PolicyTarget;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.EscalationReason;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.ResolutionReason;
import io.codelibra.lifeline.events.Target;
import io.codelibra.lifeline.events.TargetType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds the Avro events of the incident lifecycle from incident state. */
final class IncidentEvents {

  private final String source;
  private final Supplier<UUID> ids;
  private final IncidentLinks links;

  IncidentEvents(String source, Supplier<UUID> ids, IncidentLinks links) {
    this.source = source;
    this.ids = ids;
    this.links = links;
  }

  Actor system() {
    return new Actor(ActorType.system, source, null);
  }

  IncidentOpened opened(IncidentState s, String alertFingerprint, UUID alertEventId,
      AlertSourceType alertSourceType, String description, Map<String, String> labels,
      String externalUrl, Actor openedBy, Instant now) {
    return IncidentOpened.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(source)
        .setIncidentId(s.incidentId()).setDedupKey(s.dedupKey()).setService(s.service())
        .setSeverity(s.severity()).setUrgency(s.urgency()).setTitle(s.title()).setDescription(description)
        .setEscalationPolicy(s.policyName()).setAlertFingerprint(alertFingerprint).setAlertEventId(alertEventId)
        .setAlertSourceType(alertSourceType).setLabels(labels).setExternalUrl(externalUrl)
        .setSuppressed(s.suppressed()).setMaintenanceId(s.maintenanceId()).setOpenedBy(openedBy)
        .setAssignedUserIds(s.assignedUserIds()).setNextEscalationAt(s.nextEscalationAt())
        .build();
  }

  IncidentEscalated escalated(IncidentState s, Integer previousLevel, List<PolicyTarget> targets, EscalationReason reason,
      Actor actor, String note, Instant now) {
    return IncidentEscalated.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(source).setIncidentId(s.incidentId())
        .setLevel(s.level() + 1).setPreviousLevel(previousLevel).setLoop(s.loop())
        .setTargets(targets.stream().map(IncidentEvents::target).toList())
        .setResolvedUserIds(s.assignedUserIds()).setReason(reason).setActor(actor)
        .setEscalationPolicy(s.policyName()).setNextEscalationAt(s.nextEscalationAt()).setNote(note)
        .build();
  }

  IncidentAcknowledged acknowledged(IncidentState s, Actor actor, String via, String alertFingerprint, String note,
      Instant now) {
    return IncidentAcknowledged.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(source).setIncidentId(s.incidentId())
        .setActor(actor).setVia(via).setLevel(s.suppressed() ? null : s.level() + 1).setAlertFingerprint(alertFingerprint)
        .setTimeToAcknowledgeMs(Duration.between(s.openedAt(), now).toMillis()).setNote(note)
        .setSnoozedUntil(s.snoozedUntil())
        .build();
  }

  IncidentResolved resolved(IncidentState s, Actor actor, ResolutionReason reason, String alertFingerprint,
      String resolution, Instant now) {
    return IncidentResolved.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(source).setIncidentId(s.incidentId())
        .setActor(actor).setReason(reason).setAlertFingerprint(alertFingerprint).setAlertCount(s.alertCount())
        .setTimeToResolveMs(Duration.between(s.openedAt(), now).toMillis()).setResolution(resolution)
        .build();
  }

  NotificationRequested notification(IncidentState s, String userId, PolicyTarget via, ContactPlan plan,
      NotificationKind kind, int level, Instant now) {
    return NotificationRequested.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(source)
        .setNotificationId(ids.get().toString()).setIncidentId(s.incidentId()).setKind(kind)
        .setChannel(plan.channel()).setRecipient(plan.recipient()).setUserId(userId)
        .setTarget(via == null ? null : target(via)).setEscalationLevel(level)
        .setSeverity(s.severity()).setUrgency(s.urgency())
        .setSubject(subject(s, kind)).setBody(body(s, level))
        .setIncidentUrl(links.incident(s.incidentId())).setAcknowledgeUrl(links.acknowledge(s.incidentId()))
        .build();
  }

  private static String subject(IncidentState s, NotificationKind kind) {
    String prefix = switch (kind) {
      case incident_escalated -> "[" + s.severity() + " escalated] ";
      case reminder -> "[" + s.severity() + " reminder] ";
      default -> "[" + s.severity() + "] ";
    };
    return prefix + s.service() + ": " + s.title();
  }

  private static String body(IncidentState s, int level) {
    return "Incident " + s.incidentId() + " on " + s.service() + " (" + s.severity() + ", " + s.urgency() + " urgency)"
        + ", opened " + s.openedAt() + ", " + s.alertCount() + (s.alertCount() == 1 ? " alert" : " alerts")
        + (s.policyName() == null ? "" : ". Escalation policy \"" + s.policyName() + "\", level " + level) + ".";
  }

  static Target target(PolicyTarget target) {
    return new Target(TargetType.valueOf(target.type().name()), target.id());
  }
}
