package io.codelibra.lifeline.escalation.api;

import io.codelibra.lifeline.escalation.incident.IncidentState;
import java.time.Instant;
import java.util.List;

/** An incident as the API shows it (snake_case like PagerDuty's REST API). */
public record IncidentView(String id, String status, String service, String severity, String urgency, String title,
    String dedup_key, String escalation_policy, int escalation_level, int loop, List<String> assigned_to,
    Instant created_at, Instant acknowledged_at, Instant resolved_at, Instant next_escalation_at, Instant snoozed_until,
    int alert_count, boolean suppressed, String maintenance_id) {

  static IncidentView of(IncidentState s) {
    return new IncidentView(s.incidentId(), s.status().name(), s.service(), s.severity().name(), s.urgency().name(),
        s.title(), s.dedupKey(), s.policyName(), s.level() + 1, s.loop(), s.assignedUserIds(), s.openedAt(),
        s.acknowledgedAt(), s.resolvedAt(), s.nextEscalationAt(), s.snoozedUntil(), s.alertCount(), s.suppressed(),
        s.maintenanceId());
  }
}
