package io.codelibra.lifeline.escalation.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codelibra.lifeline.events.NotificationRequested;

/** The JSON body of a generic webhook: the notification as a receiver needs it, without routing details. */
final class WebhookPayload {

  private WebhookPayload() {
  }

  static byte[] of(NotificationRequested request) {
    ObjectNode body = NotifyJson.object()
        .put("notificationId", request.getNotificationId())
        .put("incidentId", request.getIncidentId())
        .put("kind", request.getKind().name())
        .put("subject", request.getSubject())
        .put("body", request.getBody())
        .put("severity", request.getSeverity().name())
        .put("urgency", request.getUrgency().name());
    body.putObject("urls")
        .put("incident", request.getIncidentUrl())
        .put("acknowledge", request.getAcknowledgeUrl());
    body.put("occurredAt", request.getOccurredAt().toString());
    return NotifyJson.bytes(body);
  }
}
