package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.StatusPageChangeRequested;
import io.codelibra.lifeline.statuspage.component.ComponentDefinitionFields;
import io.codelibra.lifeline.statuspage.rules.StatusRules;
import io.codelibra.lifeline.statuspage.template.CommunicationTemplates;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The status page's rules in one place, pure: applies incident and failover events, administrators'
 * changes and due maintenance steps to a {@link StatusPage} and returns the events to publish. Not thread
 * safe: the page has one writer.
 */
public final class StatusPageEngine {

  private final PageDefinition definition;
  private final PageEvents events;
  private final IncidentAutomation incidents;
  private final RegionAutomation regions;
  private final MaintenanceLifecycle maintenance = new MaintenanceLifecycle();
  private final AdminChanges admin;

  public StatusPageEngine(PageDefinition definition, StatusRules rules, CommunicationTemplates templates, Supplier<UUID> ids) {
    this.definition = definition;
    this.events = new PageEvents(ids);
    this.incidents = new IncidentAutomation(rules, templates);
    this.regions = new RegionAutomation(rules, templates);
    this.admin = new AdminChanges(templates, maintenance);
  }

  /** Adds the configured groups and components that the page lacks and updates changed definitions. */
  public List<Emission> configure(StatusPage page, Instant now) {
    PageWork work = new PageWork(page, now, PageEvents.SYSTEM, null, events);
    definition.groups().forEach(group -> ComponentSetup.defineGroup(work, group));
    for (ComponentDefinitionFields component : definition.components()) {
      ComponentSetup.define(work, component);
    }
    return work.emissions;
  }

  /** Applies one input event; events of other types change nothing. */
  public List<Emission> apply(StatusPage page, SpecificRecord event, Instant now) {
    if (event instanceof StatusPageChangeRequested request) {
      return change(page, request, now);
    }
    PageWork work = new PageWork(page, now, PageEvents.SYSTEM, eventIdOf(event), events);
    switch (event) {
      case IncidentOpened opened -> incidents.opened(work, opened);
      case IncidentAcknowledged acknowledged -> incidents.acknowledged(work, acknowledged);
      case IncidentResolved resolved -> incidents.resolved(work, resolved);
      case RegionHealthChanged changed -> regions.healthChanged(work, changed);
      case FailoverCompleted completed -> regions.failoverCompleted(work, completed);
      case RegionRestored restored -> regions.restored(work, restored);
      default -> { }
    }
    return work.emissions;
  }

  /** Runs the maintenance starts and completions due at {@code now}. */
  public List<Emission> tick(StatusPage page, Instant now) {
    PageWork work = new PageWork(page, now, PageEvents.SYSTEM, null, events);
    maintenance.due(work);
    return work.emissions;
  }

  /**
   * Records a change that could not be applied. The caller must have discarded the page's partial changes
   * first (by reloading it), so only the audit entry is new.
   */
  public void refused(StatusPage page, StatusPageChangeRequested request, String reason) {
    page.audit(audit(request, null, false, reason));
  }

  private List<Emission> change(StatusPage page, StatusPageChangeRequested request, Instant now) {
    PageWork work = new PageWork(page, now, request.getActor(), request.getEventId(), events);
    String target = admin.apply(work, request);
    page.audit(audit(request, target, true, "applied"));
    return work.emissions;
  }

  private static AuditEntry audit(StatusPageChangeRequested request, String target, boolean applied, String outcome) {
    return new AuditEntry(request.getEventId().toString(), request.getOccurredAt(), request.getActor().getType().name(),
        request.getActor().getId(), request.getChange().getClass().getSimpleName(), target, applied, outcome);
  }

  private static UUID eventIdOf(SpecificRecord event) {
    Schema.Field field = event.getSchema().getField("eventId");
    return field != null && event.get(field.pos()) instanceof UUID id ? id : null;
  }
}
