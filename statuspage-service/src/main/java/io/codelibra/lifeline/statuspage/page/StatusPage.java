package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.statuspage.component.ComponentGroupState;
import io.codelibra.lifeline.statuspage.component.ComponentHistory;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.subscriber.SubscriberState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole status page as its single writer holds it: mutable, used by one thread. Every change marks
 * the entity's store key dirty, so the writer persists exactly what changed ({@link #drainDirty()}) and
 * publishes a fresh {@link PageSnapshot} for the readers.
 */
public final class StatusPage {

  static final int AUDIT_ENTRIES_KEPT = 1000;

  private final PageSettings settings;
  private final Map<String, ComponentGroupState> groups = new LinkedHashMap<>();
  private final Map<String, ComponentState> components = new LinkedHashMap<>();
  private final Map<String, ComponentHistory> histories = new LinkedHashMap<>();
  private final Map<String, StatusIncidentState> incidents = new LinkedHashMap<>();
  private final Map<String, MaintenanceState> maintenances = new LinkedHashMap<>();
  private final Map<String, SubscriberState> subscribers = new LinkedHashMap<>();
  private final Deque<AuditEntry> audit = new ArrayDeque<>();
  private final Set<String> dirty = new LinkedHashSet<>();
  private long version;
  private Instant updatedAt = Instant.EPOCH;

  public StatusPage(PageSettings settings) {
    this.settings = settings;
  }

  /** Snapshots of this page number on from {@code version} (so versions stay unique across reloads and restarts). */
  public void continueVersionsFrom(long version) {
    this.version = Math.max(this.version, version);
  }

  public long version() {
    return version;
  }

  public PageSettings settings() {
    return settings;
  }

  /** Puts back an entity read from the store on start; marks nothing dirty. */
  public void restore(PageEntityType type, Object value) {
    switch (type) {
      case GROUP -> put(groups, ((ComponentGroupState) value).id(), (ComponentGroupState) value);
      case COMPONENT -> put(components, ((ComponentState) value).id(), (ComponentState) value);
      case HISTORY -> put(histories, ((ComponentHistory) value).componentId(), (ComponentHistory) value);
      case INCIDENT -> put(incidents, ((StatusIncidentState) value).id(), (StatusIncidentState) value);
      case MAINTENANCE -> put(maintenances, ((MaintenanceState) value).id(), (MaintenanceState) value);
      case SUBSCRIBER -> put(subscribers, ((SubscriberState) value).id(), (SubscriberState) value);
      case AUDIT -> audit.add((AuditEntry) value);
    }
  }

  private static <T> void put(Map<String, T> map, String id, T value) {
    map.put(id, value);
  }

  /** Store keys changed since the last drain; the value of each is {@link #entity(String)} (null = delete). */
  public Set<String> drainDirty() {
    Set<String> drained = new LinkedHashSet<>(dirty);
    dirty.clear();
    return drained;
  }

  public boolean changed() {
    return !dirty.isEmpty();
  }

  public Object entity(String key) {
    PageEntityType type = PageEntityType.ofKey(key);
    String id = PageEntityType.idOf(key);
    if (type == null) {
      return null;
    }
    return switch (type) {
      case GROUP -> groups.get(id);
      case COMPONENT -> components.get(id);
      case HISTORY -> histories.get(id);
      case INCIDENT -> incidents.get(id);
      case MAINTENANCE -> maintenances.get(id);
      case SUBSCRIBER -> subscribers.get(id);
      case AUDIT -> audit.stream().filter(entry -> entry.requestId().equals(id)).findFirst().orElse(null);
    };
  }

  private void touch(PageEntityType type, String id, Instant at) {
    dirty.add(type.key(id));
    if (at.isAfter(updatedAt)) {
      updatedAt = at;
    }
  }

  public Optional<ComponentGroupState> group(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  public void putGroup(ComponentGroupState group) {
    groups.put(group.id(), group);
    touch(PageEntityType.GROUP, group.id(), group.updatedAt());
  }

  public Optional<ComponentState> component(String id) {
    return Optional.ofNullable(components.get(id));
  }

  public List<ComponentState> components() {
    return List.copyOf(components.values());
  }

  public void putComponent(ComponentState component) {
    components.put(component.id(), component);
    touch(PageEntityType.COMPONENT, component.id(), component.updatedAt());
  }

  public void removeComponent(String id, Instant at) {
    components.remove(id);
    histories.remove(id);
    touch(PageEntityType.COMPONENT, id, at);
    touch(PageEntityType.HISTORY, id, at);
  }

  public Optional<ComponentHistory> history(String componentId) {
    return Optional.ofNullable(histories.get(componentId));
  }

  public void putHistory(ComponentHistory history, Instant at) {
    histories.put(history.componentId(), history);
    touch(PageEntityType.HISTORY, history.componentId(), at);
  }

  public Optional<StatusIncidentState> incident(String id) {
    return Optional.ofNullable(incidents.get(id));
  }

  public List<StatusIncidentState> incidents() {
    return List.copyOf(incidents.values());
  }

  public void putIncident(StatusIncidentState incident) {
    incidents.put(incident.id(), incident);
    touch(PageEntityType.INCIDENT, incident.id(), incident.updatedAt());
  }

  public Optional<MaintenanceState> maintenance(String id) {
    return Optional.ofNullable(maintenances.get(id));
  }

  public List<MaintenanceState> maintenances() {
    return List.copyOf(maintenances.values());
  }

  public void putMaintenance(MaintenanceState maintenance) {
    maintenances.put(maintenance.id(), maintenance);
    touch(PageEntityType.MAINTENANCE, maintenance.id(), maintenance.updatedAt());
  }

  public Optional<SubscriberState> subscriber(String id) {
    return Optional.ofNullable(subscribers.get(id));
  }

  public void putSubscriber(SubscriberState subscriber, Instant at) {
    subscribers.put(subscriber.id(), subscriber);
    touch(PageEntityType.SUBSCRIBER, subscriber.id(), at);
  }

  public void removeSubscriber(String id, Instant at) {
    subscribers.remove(id);
    touch(PageEntityType.SUBSCRIBER, id, at);
  }

  public void audit(AuditEntry entry) {
    audit.addLast(entry);
    dirty.add(PageEntityType.AUDIT.key(entry.requestId()));
    while (audit.size() > AUDIT_ENTRIES_KEPT) {
      AuditEntry dropped = audit.removeFirst();
      dirty.add(PageEntityType.AUDIT.key(dropped.requestId()));
    }
  }

  /** Position 0 means "after the others" (configuration and admin API), so it sorts last. */
  private static int pageOrder(int position) {
    return position <= 0 ? Integer.MAX_VALUE : position;
  }

  /** An immutable copy for the readers; call after persisting a change. */
  public PageSnapshot snapshot() {
    version++;
    Map<String, Integer> groupOrder = new LinkedHashMap<>();
    List<ComponentGroupState> orderedGroups = groups.values().stream()
        .sorted(Comparator.comparingInt((ComponentGroupState g) -> pageOrder(g.position())).thenComparing(ComponentGroupState::name))
        .toList();
    for (int i = 0; i < orderedGroups.size(); i++) {
      groupOrder.put(orderedGroups.get(i).id(), i);
    }
    List<ComponentState> orderedComponents = components.values().stream()
        .sorted(Comparator.<ComponentState>comparingInt(c -> c.groupId() == null ? -1 : groupOrder.getOrDefault(c.groupId(), -1))
            .thenComparingInt(c -> pageOrder(c.position())).thenComparing(ComponentState::name))
        .toList();
    List<StatusIncidentState> newestIncidents = new ArrayList<>(incidents.values());
    newestIncidents.sort(Comparator.comparing(StatusIncidentState::createdAt).reversed());
    List<MaintenanceState> newestMaintenances = new ArrayList<>(maintenances.values());
    newestMaintenances.sort(Comparator.comparing(MaintenanceState::scheduledFor).reversed());
    List<AuditEntry> newestAudit = new ArrayList<>(audit);
    java.util.Collections.reverse(newestAudit);
    return new PageSnapshot(settings, version, updatedAt, orderedGroups, orderedComponents, Map.copyOf(histories),
        List.copyOf(newestIncidents), List.copyOf(newestMaintenances), List.copyOf(subscribers.values()), List.copyOf(newestAudit));
  }
}
