package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusChangeCause;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.statuspage.component.ComponentHistory;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.component.Contribution;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One change to the page in progress: what caused it, when, by whom, and the events it emits. Its
 * {@link #settle} is the one place a component's shown status changes (history, event, affected components).
 */
final class PageWork {

  final StatusPage page;
  final Instant now;
  final Actor actor;
  final UUID causeEventId;
  final PageEvents events;
  final List<Emission> emissions = new ArrayList<>();

  PageWork(StatusPage page, Instant now, Actor actor, UUID causeEventId, PageEvents events) {
    this.page = page;
    this.now = now;
    this.actor = actor;
    this.causeEventId = causeEventId;
    this.events = events;
  }

  boolean automatic() {
    return actor == PageEvents.SYSTEM;
  }

  /** The existing components among {@code ids}, each once, in the order given (for template variables). */
  List<ComponentState> components(Collection<String> ids) {
    return new LinkedHashSet<>(ids).stream().flatMap(id -> page.component(id).stream()).toList();
  }

  /** Records {@code contribution} on each existing component of {@code componentIds} and settles them. */
  List<AffectedComponent> contribute(Collection<String> componentIds, Contribution contribution) {
    List<AffectedComponent> affected = new ArrayList<>();
    for (String id : componentIds) {
      page.component(id).ifPresent(component -> {
        page.putComponent(component.withContribution(contribution));
        settle(id, contribution.reason(), contribution.causeType(), contribution.causeId()).ifChanged(affected);
      });
    }
    return affected;
  }

  /** Removes the cause {@code key} from every component that has it and settles them. */
  List<AffectedComponent> withdraw(StatusChangeCauseType type, String causeId, String reason) {
    String key = type + ":" + causeId;
    List<AffectedComponent> affected = new ArrayList<>();
    for (ComponentState component : page.components()) {
      if (component.contributions().containsKey(key)) {
        page.putComponent(component.withoutContribution(key));
        settle(component.id(), reason, type, causeId).ifChanged(affected);
      }
    }
    return affected;
  }

  /** Brings a component's shown status in line with its rules; emits ComponentStatusChanged when it moves. */
  Settled settle(String componentId, String reason, StatusChangeCauseType causeType, String causeId) {
    return settle(componentId, reason, causeType, causeId, false);
  }

  /**
   * Like {@link #settle(String, String, StatusChangeCauseType, String)}; with {@code announce} the change event is
   * emitted even when the status stays (an override set or released at the status already shown still changes
   * the component's manualOverride flag on status.components).
   */
  Settled settle(String componentId, String reason, StatusChangeCauseType causeType, String causeId, boolean announce) {
    ComponentState component = page.component(componentId).orElseThrow();
    ComponentStatus previous = component.status();
    ComponentStatus next = component.derivedStatus();
    StatusChangeCause cause = StatusChangeCause.newBuilder().setType(causeType).setId(causeId).setEventId(causeEventId).build();
    if (next == previous) {
      if (announce) {
        page.putComponent(component.withStatus(next, now));
        emissions.add(events.componentChanged(page.component(componentId).orElseThrow(), previous, reason, cause, actor, now));
      }
      return Settled.UNCHANGED;
    }
    ComponentState moved = component.withStatus(next, now);
    page.putComponent(moved);
    ComponentHistory history = page.history(componentId)
        .map(h -> h.changedTo(next, now, page.settings().historyRetention()))
        .orElseGet(() -> ComponentHistory.startingAt(componentId, next, now));
    page.putHistory(history, now);
    emissions.add(events.componentChanged(moved, previous, reason, cause, actor, now));
    return new Settled(new AffectedComponent(componentId, moved.name(), previous, next));
  }

  /** Creates (when absent) or updates a status incident and emits the update. */
  StatusIncidentState postIncident(StatusIncidentState current, String id, String name, StatusIncidentStatus status,
      StatusIncidentImpact impact, Map<String, ComponentStatus> components, String body, List<AffectedComponent> affected,
      String templateId, String lifelineIncidentId, String regionPair) {
    PageUpdate update = new PageUpdate(events.newId(), status.name(), body, now, affected);
    StatusIncidentState base = current != null ? current
        : new StatusIncidentState(id, name, status, impact, now, now, null, null, components, List.of(), templateId,
            lifelineIncidentId, regionPair);
    Map<String, ComponentStatus> nextComponents = new LinkedHashMap<>(base.componentStatuses());
    nextComponents.putAll(components);
    StatusIncidentState next = base.updated(name, status, impact, nextComponents, update);
    page.putIncident(next);
    emissions.add(events.incidentUpdated(next, update, automatic(), actor));
    return next;
  }

  /** A component's status after settling: the change when it moved. */
  record Settled(AffectedComponent change) {

    static final Settled UNCHANGED = new Settled(null);

    void ifChanged(List<AffectedComponent> into) {
      if (change != null) {
        into.add(change);
      }
    }
  }
}
