package io.codelibra.lifeline.statuspage.incident;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A public status incident with Statuspage's lifecycle and its updates, newest last. {@code componentStatuses}
 * are the components it affects and the status each is held at while it is open; the origin fields link it
 * to a Lifeline incident or a region pair's outage when automation posted it.
 */
public record StatusIncidentState(
    String id,
    String name,
    StatusIncidentStatus status,
    StatusIncidentImpact impact,
    Instant createdAt,
    Instant updatedAt,
    Instant monitoringAt,
    Instant resolvedAt,
    Map<String, ComponentStatus> componentStatuses,
    List<PageUpdate> updates,
    String templateId,
    String lifelineIncidentId,
    String regionPair) {

  public StatusIncidentState {
    componentStatuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(componentStatuses));
    updates = List.copyOf(updates);
  }

  public boolean open() {
    return status != StatusIncidentStatus.resolved;
  }

  public StatusIncidentState updated(String newName, StatusIncidentStatus newStatus, StatusIncidentImpact newImpact,
      Map<String, ComponentStatus> newComponents, PageUpdate update) {
    List<PageUpdate> next = new ArrayList<>(updates);
    next.add(update);
    Instant at = update.createdAt();
    return new StatusIncidentState(id, newName, newStatus, newImpact, createdAt, at,
        newStatus == StatusIncidentStatus.monitoring && monitoringAt == null ? at : monitoringAt,
        newStatus == StatusIncidentStatus.resolved ? at : null, newComponents, next, templateId, lifelineIncidentId, regionPair);
  }
}
