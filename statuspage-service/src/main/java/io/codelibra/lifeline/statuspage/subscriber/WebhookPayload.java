package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.publicpage.PageStatus;
import java.net.URI;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON body of a subscriber webhook, shaped like Statuspage's: {@code meta} (the unsubscribe link),
 * {@code page} (with the public page's status indicator) and {@code incident}. As in Statuspage, a maintenance is
 * an incident with status {@code scheduled}, {@code in_progress} or {@code completed}, impact {@code maintenance}
 * and its schedule; {@code incident_updates} holds the update this webhook reports.
 */
final class WebhookPayload {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private WebhookPayload() {
  }

  static byte[] of(SubscriberNotice notice, PageSnapshot page, URI pageUrl, URI unsubscribeUrl) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("meta").put("unsubscribe", unsubscribeUrl.toString());
    PageStatus status = PageStatus.of(page.components(), page.incidents());
    body.putObject("page")
        .put("id", page.settings().id())
        .put("name", page.settings().name())
        .put("url", pageUrl.toString())
        .put("status_indicator", status.indicator().name())
        .put("status_description", status.description());
    ObjectNode incident = body.putObject("incident")
        .put("id", notice.id())
        .put("name", notice.name())
        .put("status", notice.status())
        .put("impact", notice.impact())
        .put("page_id", page.settings().id())
        .put("created_at", text(notice.createdAt()))
        .put("updated_at", text(notice.updatedAt()))
        .put("resolved_at", text(notice.resolvedAt()));
    if (notice.kind() == SubscriberNotice.Kind.MAINTENANCE) {
      incident.put("scheduled_for", text(notice.scheduledFor())).put("scheduled_until", text(notice.scheduledUntil()));
    }
    ArrayNode components = incident.putArray("components");
    for (String id : notice.componentIds()) {
      ObjectNode component = components.addObject().put("id", id);
      page.component(id).ifPresent(known -> component.put("name", known.name()).put("status", known.status().name()));
    }
    incident.putArray("incident_updates").addObject()
        .put("id", notice.updateId())
        .put("incident_id", notice.id())
        .put("status", notice.status())
        .put("body", notice.body())
        .put("created_at", text(notice.updatedAt()))
        .put("updated_at", text(notice.updatedAt()))
        .put("display_at", text(notice.updatedAt()));
    return JSON.writeValueAsBytes(body);
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
