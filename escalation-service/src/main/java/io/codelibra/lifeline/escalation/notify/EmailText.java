package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationRequested;

/** The plain-text e-mail of a notification: what happened, severity, and the links to the incident. */
final class EmailText {

  private EmailText() {
  }

  /** The subject on one line: a line break in a header would end it. */
  static String subject(NotificationRequested request) {
    return request.getSubject().replaceAll("[\\r\\n]+", " ").strip();
  }

  static String body(NotificationRequested request) {
    StringBuilder text = new StringBuilder()
        .append(NotificationWording.headline(request.getKind())).append("\n\n")
        .append(NotificationWording.body(request)).append("\n\n")
        .append("Severity: ").append(request.getSeverity()).append(" (").append(request.getUrgency())
        .append(" urgency)\n")
        .append("Incident: ").append(request.getIncidentId()).append('\n');
    if (request.getEscalationLevel() != null) {
      text.append("Escalation level: ").append(request.getEscalationLevel()).append('\n');
    }
    if (request.getIncidentUrl() != null) {
      text.append("\nOpen the incident: ").append(request.getIncidentUrl()).append('\n');
    }
    if (NotificationWording.offersAcknowledge(request)) {
      text.append("Acknowledge: ").append(request.getAcknowledgeUrl()).append('\n');
    }
    return text.append("\n-- \nSent by Lifeline, notification ").append(request.getNotificationId()).append('\n')
        .toString();
  }
}
