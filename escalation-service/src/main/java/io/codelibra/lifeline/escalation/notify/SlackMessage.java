package io.codelibra.lifeline.escalation.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codelibra.lifeline.events.NotificationRequested;

/**
 * A notification as a Slack incoming-webhook message: fallback {@code text} and Block Kit {@code blocks}
 * (a header, a mrkdwn section with the summary and severity fields, a context line, and buttons to
 * acknowledge and to open the incident when those links exist). Limits are Slack's block limits.
 */
final class SlackMessage {

  private static final int HEADER_LIMIT = 150;
  private static final int SECTION_LIMIT = 3000;
  private static final int FIELD_LIMIT = 2000;
  private static final int BUTTON_LABEL_LIMIT = 75;

  private SlackMessage() {
  }

  static ObjectNode of(NotificationRequested request) {
    ObjectNode message = NotifyJson.object();
    // Shown in notifications and by clients that cannot render blocks.
    message.put("text", SlackText.truncate(request.getSubject(), SECTION_LIMIT));
    ArrayNode blocks = message.putArray("blocks");
    blocks.addObject().put("type", "header")
        .set("text", plainText(NotificationWording.cut(request.getSubject(), HEADER_LIMIT)));
    ObjectNode section = blocks.addObject().put("type", "section");
    section.set("text", mrkdwn("*" + NotificationWording.headline(request.getKind()) + "*\n"
        + SlackText.truncate(NotificationWording.body(request), SECTION_LIMIT - 64)));
    ArrayNode fields = section.putArray("fields");
    fields.add(mrkdwn("*Severity*\n" + request.getSeverity()));
    fields.add(mrkdwn("*Urgency*\n" + request.getUrgency()));
    if (request.getEscalationLevel() != null) {
      fields.add(mrkdwn("*Escalation level*\n" + request.getEscalationLevel()));
    }
    blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(context(request)));
    ArrayNode buttons = NotifyJson.object().arrayNode();
    if (NotificationWording.offersAcknowledge(request)) {
      buttons.add(button("Acknowledge", request.getAcknowledgeUrl(), "acknowledge").put("style", "primary"));
    }
    if (request.getIncidentUrl() != null) {
      buttons.add(button("Open incident", request.getIncidentUrl(), "open_incident"));
    }
    if (!buttons.isEmpty()) {
      blocks.addObject().put("type", "actions").set("elements", buttons);
    }
    return message;
  }

  private static String context(NotificationRequested request) {
    String incident = "Incident " + SlackText.truncate(request.getIncidentId(), FIELD_LIMIT / 4);
    String link = request.getIncidentUrl() == null ? "" : " · " + SlackText.link(request.getIncidentUrl(), "open in Lifeline");
    return incident + link + " · notification " + SlackText.truncate(request.getNotificationId(), FIELD_LIMIT / 4);
  }

  private static ObjectNode button(String label, String url, String actionId) {
    ObjectNode button = NotifyJson.object().put("type", "button");
    button.set("text", plainText(NotificationWording.cut(label, BUTTON_LABEL_LIMIT)));
    return button.put("url", url).put("action_id", actionId);
  }

  private static ObjectNode plainText(String text) {
    return NotifyJson.object().put("type", "plain_text").put("text", text);
  }

  private static ObjectNode mrkdwn(String text) {
    return NotifyJson.object().put("type", "mrkdwn").put("text", text);
  }
}
