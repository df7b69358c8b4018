package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents of Statuspage's public API v2 for one snapshot, as JSON trees: summary, status, components,
 * incidents (the 50 most recent), unresolved incidents, scheduled maintenances (the 50 most recent), upcoming
 * ({@code scheduled}) and active ({@code in_progress}, {@code verifying}) maintenances.
 */
public final class PublicApiDocuments {

  /** Statuspage lists "the 50 most recent" incidents and scheduled maintenances. */
  public static final int RECENT_LIMIT = 50;

  private final PageSnapshot snapshot;
  private final StatuspageJson json;
  private final PageLayout layout;
  private final PageStatus status;

  public PublicApiDocuments(PageSnapshot snapshot) {
    this.snapshot = snapshot;
    this.json = new StatuspageJson(snapshot);
    this.layout = PageLayout.of(snapshot);
    this.status = PageStatus.of(snapshot.components(), snapshot.incidents());
  }

  public PageStatus pageStatus() {
    return status;
  }

  /** The page, its components, unresolved incidents, upcoming and in-progress maintenances, and its status. */
  public ObjectNode summary() {
    ObjectNode document = withPage();
    document.set("components", json.components(layout));
    document.set("incidents", incidents(snapshot.incidents().stream().filter(StatusIncidentState::open).toList()));
    document.set("scheduled_maintenances", maintenances(maintenancesWhere(maintenance -> maintenance.phase() != MaintenancePhase.completed)));
    document.set("status", json.status(status));
    return document;
  }

  public ObjectNode status() {
    ObjectNode document = withPage();
    document.set("status", json.status(status));
    return document;
  }

  public ObjectNode components() {
    ObjectNode document = withPage();
    document.set("components", json.components(layout));
    return document;
  }

  public ObjectNode incidents() {
    ObjectNode document = withPage();
    document.set("incidents", incidents(snapshot.incidents().stream().limit(RECENT_LIMIT).toList()));
    return document;
  }

  public ObjectNode unresolvedIncidents() {
    ObjectNode document = withPage();
    document.set("incidents", incidents(snapshot.incidents().stream().filter(StatusIncidentState::open).toList()));
    return document;
  }

  public ObjectNode scheduledMaintenances() {
    ObjectNode document = withPage();
    document.set("scheduled_maintenances", maintenances(snapshot.maintenances().stream().limit(RECENT_LIMIT).toList()));
    return document;
  }

  public ObjectNode upcomingMaintenances() {
    ObjectNode document = withPage();
    document.set("scheduled_maintenances", maintenances(maintenancesWhere(maintenance -> maintenance.phase() == MaintenancePhase.scheduled)));
    return document;
  }

  public ObjectNode activeMaintenances() {
    ObjectNode document = withPage();
    document.set("scheduled_maintenances", maintenances(maintenancesWhere(maintenance -> maintenance.phase().active())));
    return document;
  }

  private ObjectNode withPage() {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.set("page", json.page());
    return document;
  }

  private List<MaintenanceState> maintenancesWhere(Predicate<MaintenanceState> filter) {
    return snapshot.maintenances().stream().filter(filter).toList();
  }

  private ArrayNode incidents(List<StatusIncidentState> incidents) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    incidents.forEach(incident -> array.add(json.incident(incident)));
    return array;
  }

  private ArrayNode maintenances(List<MaintenanceState> maintenances) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    maintenances.forEach(maintenance -> array.add(json.maintenance(maintenance)));
    return array;
  }
}
