package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.NotificationRequested;

/** The words the channels share: what happened, whether to offer acknowledging, and length limits. */
final class NotificationWording {

  private NotificationWording() {
  }

  static String headline(NotificationKind kind) {
    return switch (kind) {
      case incident_opened -> "Incident opened";
      case incident_escalated -> "Incident escalated";
      case incident_acknowledged -> "Incident acknowledged";
      case incident_resolved -> "Incident resolved";
      case reminder -> "Still unacknowledged";
      case test -> "Test notification";
      case other -> "Incident update";
    };
  }

  /** An acknowledge link is offered only while there is something to acknowledge. */
  static boolean offersAcknowledge(NotificationRequested request) {
    return request.getAcknowledgeUrl() != null
        && request.getKind() != NotificationKind.incident_acknowledged
        && request.getKind() != NotificationKind.incident_resolved;
  }

  /** The body, or a one-line summary when the request leaves the body to the channel. */
  static String body(NotificationRequested request) {
    if (request.getBody() != null && !request.getBody().isBlank()) {
      return request.getBody();
    }
    return "Incident " + request.getIncidentId() + " (" + request.getSeverity() + ", " + request.getUrgency()
        + " urgency).";
  }

  /** At most {@code limit} characters, ending with an ellipsis when cut; for text shown as written. */
  static String cut(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
