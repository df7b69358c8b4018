package io.codelibra.lifeline.escalation.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.Severity;

/**
 * A notification as a PagerDuty Events API v2 event. The incident id is the dedup key, so the trigger,
 * acknowledge and resolve of one Lifeline incident act on one PagerDuty alert; acknowledge and resolve
 * carry no payload, as the API documents.
 */
final class PagerDutyEvent {

  private static final int SUMMARY_LIMIT = 1024;

  private PagerDutyEvent() {
  }

  static ObjectNode of(NotificationRequested request, String routingKey) {
    String action = action(request.getKind());
    ObjectNode event = NotifyJson.object()
        .put("routing_key", routingKey)
        .put("event_action", action)
        .put("dedup_key", request.getIncidentId());
    if (!action.equals("trigger")) {
      return event;
    }
    ObjectNode payload = event.putObject("payload")
        .put("summary", NotificationWording.cut(request.getSubject(), SUMMARY_LIMIT))
        .put("source", "lifeline")
        .put("severity", severity(request.getSeverity()))
        .put("timestamp", request.getOccurredAt().toString());
    ObjectNode details = payload.putObject("custom_details")
        .put("incident_id", request.getIncidentId())
        .put("notification_id", request.getNotificationId())
        .put("kind", request.getKind().name())
        .put("urgency", request.getUrgency().name())
        .put("body", request.getBody());
    if (request.getEscalationLevel() != null) {
      details.put("escalation_level", request.getEscalationLevel());
    }
    event.put("client", "Lifeline");
    if (request.getIncidentUrl() != null) {
      event.put("client_url", request.getIncidentUrl());
      event.putArray("links").addObject().put("href", request.getIncidentUrl()).put("text", "Incident in Lifeline");
    }
    return event;
  }

  static String action(NotificationKind kind) {
    return switch (kind) {
      case incident_acknowledged -> "acknowledge";
      case incident_resolved -> "resolve";
      case incident_opened, incident_escalated, reminder, test, other -> "trigger";
    };
  }

  static String severity(Severity severity) {
    return switch (severity) {
      case SEV1 -> "critical";
      case SEV2 -> "error";
      case SEV3 -> "warning";
      case SEV4 -> "info";
    };
  }
}
