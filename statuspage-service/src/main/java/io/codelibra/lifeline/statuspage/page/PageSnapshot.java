package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.statuspage.component.ComponentGroupState;
import io.codelibra.lifeline.statuspage.component.ComponentHistory;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.subscriber.SubscriberState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable copy of the whole page at one moment, what every read is served from. Components and groups
 * are in page order; incidents and maintenances newest first. {@code version} grows with every change.
 */
public record PageSnapshot(
    PageSettings settings,
    long version,
    Instant updatedAt,
    List<ComponentGroupState> groups,
    List<ComponentState> components,
    Map<String, ComponentHistory> histories,
    List<StatusIncidentState> incidents,
    List<MaintenanceState> maintenances,
    List<SubscriberState> subscribers,
    List<AuditEntry> audit) {

  public Optional<ComponentState> component(String id) {
    return components.stream().filter(component -> component.id().equals(id)).findFirst();
  }

  public Optional<ComponentGroupState> group(String id) {
    return groups.stream().filter(group -> group.id().equals(id)).findFirst();
  }

  public Optional<StatusIncidentState> incident(String id) {
    return incidents.stream().filter(incident -> incident.id().equals(id)).findFirst();
  }

  public Optional<MaintenanceState> maintenance(String id) {
    return maintenances.stream().filter(maintenance -> maintenance.id().equals(id)).findFirst();
  }

  public Optional<SubscriberState> subscriber(String id) {
    return subscribers.stream().filter(subscriber -> subscriber.id().equals(id)).findFirst();
  }
}
