package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.component.ComponentGroupState;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.page.PageSettings;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects of Statuspage's public API v2 (page, component, incident, incident update, scheduled maintenance) for
 * one snapshot, with Statuspage's field names and order. Fields Lifeline has no value for are written as Statuspage
 * writes an unset one: {@code start_date}, {@code custom_tweet}, {@code tweet_id} null; {@code deliver_notifications}
 * true; {@code affected_components} null when an update changed no component.
 */
public final class StatuspageJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final PageSnapshot snapshot;
  private final PageSettings settings;
  private final ApiTimestamps time;

  public StatuspageJson(PageSnapshot snapshot) {
    this.snapshot = snapshot;
    this.settings = snapshot.settings();
    this.time = new ApiTimestamps(settings.timeZone());
  }

  /** Where an incident or maintenance is shown: its anchor on the HTML page (Statuspage's shortlink). */
  public static String shortlink(PageSettings settings, String id) {
    return stripSlash(settings.url()) + "/#" + StatusPageView.ANCHOR + id;
  }

  public ObjectNode page() {
    ObjectNode page = NODES.objectNode();
    page.put("id", settings.id());
    page.put("name", settings.name());
    page.put("url", settings.url());
    page.put("time_zone", settings.timeZone().getId());
    page.put("updated_at", time.format(snapshot.updatedAt()));
    return page;
  }

  public ObjectNode status(PageStatus status) {
    ObjectNode node = NODES.objectNode();
    node.put("indicator", status.indicator().name());
    node.put("description", status.description());
    return node;
  }

  /** Every component, groups included ({@code group: true}, each followed by its members), in page order. */
  public ArrayNode components(PageLayout layout) {
    ArrayNode array = NODES.arrayNode();
    for (PageLayout.Entry entry : layout.entries()) {
      switch (entry) {
        case PageLayout.Group group -> {
          array.add(group(group));
          group.members().forEach(member -> array.add(component(member)));
        }
        case PageLayout.Single single -> array.add(component(single.component()));
      }
    }
    return array;
  }

  public ObjectNode component(ComponentState component) {
    ObjectNode node = NODES.objectNode();
    node.put("id", component.id());
    node.put("name", component.name());
    node.put("status", component.status().name());
    node.put("created_at", time.format(component.createdAt()));
    node.put("updated_at", time.format(component.updatedAt()));
    node.put("position", component.position());
    node.put("description", component.description());
    node.put("showcase", component.showcase());
    node.putNull("start_date");
    boolean grouped = component.groupId() != null && snapshot.group(component.groupId()).isPresent();
    node.put("group_id", grouped ? component.groupId() : null);
    node.put("page_id", settings.id());
    node.put("group", false);
    node.put("only_show_if_degraded", component.onlyShowIfDegraded());
    return node;
  }

  private ObjectNode group(PageLayout.Group entry) {
    ComponentGroupState group = entry.group();
    ObjectNode node = NODES.objectNode();
    node.put("id", group.id());
    node.put("name", group.name());
    node.put("status", entry.status().name());
    node.put("created_at", time.format(group.createdAt()));
    node.put("updated_at", time.format(group.updatedAt()));
    node.put("position", group.position());
    node.put("description", group.description());
    node.put("showcase", false);
    node.putNull("start_date");
    node.putNull("group_id");
    node.put("page_id", settings.id());
    node.put("group", true);
    node.put("only_show_if_degraded", false);
    ArrayNode members = node.putArray("components");
    entry.members().forEach(member -> members.add(member.id()));
    return node;
  }

  public ObjectNode incident(StatusIncidentState incident) {
    ObjectNode node = NODES.objectNode();
    node.put("id", incident.id());
    node.put("name", incident.name());
    node.put("status", incident.status().name());
    node.put("created_at", time.format(incident.createdAt()));
    node.put("updated_at", time.format(incident.updatedAt()));
    node.put("monitoring_at", time.format(incident.monitoringAt()));
    node.put("resolved_at", time.format(incident.resolvedAt()));
    node.put("impact", incident.impact().name());
    node.put("shortlink", shortlink(settings, incident.id()));
    node.put("started_at", time.format(incident.createdAt()));
    node.put("page_id", settings.id());
    node.set("incident_updates", updates(incident.id(), incident.updates()));
    node.set("components", componentsById(List.copyOf(incident.componentStatuses().keySet())));
    return node;
  }

  public ObjectNode maintenance(MaintenanceState maintenance) {
    ObjectNode node = NODES.objectNode();
    node.put("id", maintenance.id());
    node.put("name", maintenance.title());
    node.put("status", maintenance.phase().name());
    node.put("created_at", time.format(maintenance.createdAt()));
    node.put("updated_at", time.format(maintenance.updatedAt()));
    node.putNull("monitoring_at");
    node.put("resolved_at", time.format(maintenance.completedAt()));
    node.put("impact", "maintenance");
    node.put("shortlink", shortlink(settings, maintenance.id()));
    node.put("started_at", time.format(maintenance.startedAt() != null ? maintenance.startedAt() : maintenance.scheduledFor()));
    node.put("page_id", settings.id());
    node.set("incident_updates", updates(maintenance.id(), maintenanceUpdates(maintenance)));
    node.set("components", componentsById(maintenance.componentIds()));
    node.put("scheduled_for", time.format(maintenance.scheduledFor()));
    node.put("scheduled_until", time.format(maintenance.scheduledUntil()));
    return node;
  }

  /**
   * A maintenance's updates; when none announced the window, its description stands as the first {@code scheduled}
   * update, which is where Statuspage keeps a maintenance's message.
   */
  public static List<PageUpdate> maintenanceUpdates(MaintenanceState maintenance) {
    boolean announced = maintenance.updates().stream().anyMatch(update -> "scheduled".equals(update.status()));
    if (announced || maintenance.description() == null || maintenance.description().isBlank()) {
      return maintenance.updates();
    }
    List<PageUpdate> updates = new ArrayList<>();
    updates.add(new PageUpdate(maintenance.id() + "-scheduled", "scheduled", maintenance.description(), maintenance.createdAt(),
        List.of()));
    updates.addAll(maintenance.updates());
    return updates;
  }

  /** Newest first, as Statuspage lists them. */
  private ArrayNode updates(String incidentId, List<PageUpdate> updates) {
    ArrayNode array = NODES.arrayNode();
    for (int i = updates.size() - 1; i >= 0; i--) {
      array.add(update(incidentId, updates.get(i)));
    }
    return array;
  }

  private ObjectNode update(String incidentId, PageUpdate update) {
    String at = time.format(update.createdAt());
    ObjectNode node = NODES.objectNode();
    node.put("id", update.id());
    node.put("status", update.status());
    node.put("body", update.body());
    node.put("incident_id", incidentId);
    node.put("created_at", at);
    node.put("updated_at", at);
    node.put("display_at", at);
    if (update.affectedComponents().isEmpty()) {
      node.putNull("affected_components");
    } else {
      ArrayNode affected = node.putArray("affected_components");
      for (AffectedComponent component : update.affectedComponents()) {
        ObjectNode change = affected.addObject();
        change.put("code", component.code());
        change.put("name", component.name());
        change.put("old_status", component.oldStatus() == null ? null : component.oldStatus().name());
        change.put("new_status", component.newStatus() == null ? null : component.newStatus().name());
      }
    }
    node.put("deliver_notifications", true);
    node.putNull("custom_tweet");
    node.putNull("tweet_id");
    return node;
  }

  private ArrayNode componentsById(List<String> ids) {
    ArrayNode array = NODES.arrayNode();
    for (String id : ids) {
      Optional<ComponentState> component = snapshot.component(id);
      component.ifPresent(found -> array.add(component(found)));
    }
    return array;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
