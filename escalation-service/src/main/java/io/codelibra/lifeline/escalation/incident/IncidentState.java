package io.codelibra.lifeline.escalation.incident;

import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything escalation-service keeps about one incident, persisted in a changelogged state store.
 * {@code level} is the 0-based index of the escalation rule paged last; {@code loop} counts passes
 * through the policy. The timers it implies ({@link #nextDue()}) are derived, never scheduled in memory.
 */
public record IncidentState(
    String incidentId,
    String routingKey,
    String dedupKey,
    String service,
    Severity severity,
    Urgency urgency,
    String title,
    String policyName,
    IncidentStatus status,
    boolean suppressed,
    String maintenanceId,
    Instant openedAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    int level,
    int loop,
    Instant nextEscalationAt,
    Instant snoozedUntil,
    int alertCount,
    Set<String> firingAlerts,
    List<String> assignedUserIds,
    List<PendingNotification> pendingNotifications,
    List<TimelineEntry> timeline) {

  /** Long incidents keep their first entries and the most recent ones. */
  static final int MAX_TIMELINE = 500;

  public IncidentState {
    firingAlerts = Set.copyOf(new LinkedHashSet<>(firingAlerts));
    assignedUserIds = List.copyOf(assignedUserIds);
    pendingNotifications = List.copyOf(pendingNotifications);
    timeline = List.copyOf(timeline);
  }

  public boolean isOpen() {
    return status != IncidentStatus.resolved;
  }

  /** The earliest instant at which a timer of this incident fires, if any. */
  public Optional<Instant> nextDue() {
    if (!isOpen()) {
      return Optional.empty();
    }
    return Stream.concat(
            Stream.of(status == IncidentStatus.triggered ? nextEscalationAt : null,
                status == IncidentStatus.acknowledged ? snoozedUntil : null),
            status == IncidentStatus.triggered ? pendingNotifications.stream().map(PendingNotification::dueAt) : Stream.empty())
        .filter(at -> at != null)
        .min(Comparator.naturalOrder());
  }

  IncidentState withTimeline(TimelineEntry entry) {
    List<TimelineEntry> entries = new ArrayList<>(timeline);
    entries.add(entry);
    if (entries.size() > MAX_TIMELINE) {
      entries.remove(MAX_TIMELINE / 10);
    }
    return copy().timeline(entries).build();
  }

  Builder copy() {
    return new Builder(this);
  }

  /** Copy-with builder: the state is immutable and has many fields. */
  static final class Builder {
    private String incidentId;
    private String routingKey;
    private String dedupKey;
    private String service;
    private Severity severity;
    private Urgency urgency;
    private String title;
    private String policyName;
    private IncidentStatus status;
    private boolean suppressed;
    private String maintenanceId;
    private Instant openedAt;
    private Instant acknowledgedAt;
    private Instant resolvedAt;
    private int level;
    private int loop;
    private Instant nextEscalationAt;
    private Instant snoozedUntil;
    private int alertCount;
    private Set<String> firingAlerts = Set.of();
    private List<String> assignedUserIds = List.of();
    private List<PendingNotification> pendingNotifications = List.of();
    private List<TimelineEntry> timeline = List.of();

    Builder() {
    }

    private Builder(IncidentState s) {
      incidentId = s.incidentId;
      routingKey = s.routingKey;
      dedupKey = s.dedupKey;
      service = s.service;
      severity = s.severity;
      urgency = s.urgency;
      title = s.title;
      policyName = s.policyName;
      status = s.status;
      suppressed = s.suppressed;
      maintenanceId = s.maintenanceId;
      openedAt = s.openedAt;
      acknowledgedAt = s.acknowledgedAt;
      resolvedAt = s.resolvedAt;
      level = s.level;
      loop = s.loop;
      nextEscalationAt = s.nextEscalationAt;
      snoozedUntil = s.snoozedUntil;
      alertCount = s.alertCount;
      firingAlerts = s.firingAlerts;
      assignedUserIds = s.assignedUserIds;
      pendingNotifications = s.pendingNotifications;
      timeline = s.timeline;
    }

    Builder incidentId(String v) { incidentId = v; return this; }
    Builder routingKey(String v) { routingKey = v; return this; }
    Builder dedupKey(String v) { dedupKey = v; return this; }
    Builder service(String v) { service = v; return this; }
    Builder severity(Severity v) { severity = v; return this; }
    Builder urgency(Urgency v) { urgency = v; return this; }
    Builder title(String v) { title = v; return this; }
    Builder policyName(String v) { policyName = v; return this; }
    Builder status(IncidentStatus v) { status = v; return this; }
    Builder suppressed(boolean v) { suppressed = v; return this; }
    Builder maintenanceId(String v) { maintenanceId = v; return this; }
    Builder openedAt(Instant v) { openedAt = v; return this; }
    Builder acknowledgedAt(Instant v) { acknowledgedAt = v; return this; }
    Builder resolvedAt(Instant v) { resolvedAt = v; return this; }
    Builder level(int v) { level = v; return this; }
    Builder loop(int v) { loop = v; return this; }
    Builder nextEscalationAt(Instant v) { nextEscalationAt = v; return this; }
    Builder snoozedUntil(Instant v) { snoozedUntil = v; return this; }
    Builder alertCount(int v) { alertCount = v; return this; }
    Builder firingAlerts(Set<String> v) { firingAlerts = v; return this; }
    Builder assignedUserIds(List<String> v) { assignedUserIds = v; return this; }
    Builder pendingNotifications(List<PendingNotification> v) { pendingNotifications = v; return this; }
    Builder timeline(List<TimelineEntry> v) { timeline = v; return this; }

    IncidentState build() {
      return new IncidentState(incidentId, routingKey, dedupKey, service, severity, urgency, title, policyName, status,
          suppressed, maintenanceId, openedAt, acknowledgedAt, resolvedAt, level, loop, nextEscalationAt, snoozedUntil,
          alertCount, firingAlerts, assignedUserIds, pendingNotifications, timeline);
    }
  }
}
