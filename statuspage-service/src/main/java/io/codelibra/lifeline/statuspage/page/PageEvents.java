package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.MaintenanceCompleted;
import io.codelibra.lifeline.events.MaintenanceScheduled;
import io.codelibra.lifeline.events.MaintenanceStarted;
import io.codelibra.lifeline.events.StatusChangeCause;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds the page's outgoing events from its state. */
public final class PageEvents {

  public static final String SOURCE = "statuspage-service";
  public static final Actor SYSTEM = Actor.newBuilder().setType(ActorType.system).setId(SOURCE).build();

  private final Supplier<UUID> ids;

  public PageEvents(Supplier<UUID> ids) {
    this.ids = ids;
  }

  Emission componentChanged(ComponentState component, ComponentStatus previous, String reason, StatusChangeCause cause,
      Actor actor, Instant now) {
    ComponentStatusChanged event = ComponentStatusChanged.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(SOURCE)
        .setComponentId(component.id()).setComponentName(component.name()).setGroupId(component.groupId())
        .setPreviousStatus(previous).setStatus(component.status()).setReason(reason).setCause(cause)
        .setManualOverride(component.override() != null).setActor(actor)
        .build();
    return new Emission(Topics.STATUS_COMPONENTS.name(), component.id(), event);
  }

  Emission componentRemoved(String componentId) {
    return new Emission(Topics.STATUS_COMPONENTS.name(), componentId, null);
  }

  Emission incidentUpdated(StatusIncidentState incident, PageUpdate update, boolean automatic, Actor actor) {
    StatusIncidentUpdated event = StatusIncidentUpdated.newBuilder()
        .setEventId(ids.get()).setOccurredAt(update.createdAt()).setSource(SOURCE)
        .setIncidentId(incident.id()).setName(incident.name()).setStatus(incident.status()).setImpact(incident.impact())
        .setUpdateId(update.id()).setBody(update.body()).setComponentIds(incident.componentStatuses().keySet().stream().toList())
        .setCreatedAt(incident.createdAt()).setTemplateId(incident.templateId())
        .setLifelineIncidentId(incident.lifelineIncidentId()).setRegionPair(incident.regionPair())
        .setAutomatic(automatic).setActor(actor)
        .build();
    return new Emission(Topics.STATUS_INCIDENTS.name(), incident.id(), event);
  }

  Emission maintenanceScheduled(MaintenanceState maintenance, Actor actor, Instant now) {
    MaintenanceScheduled event = MaintenanceScheduled.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(SOURCE).setMaintenanceId(maintenance.id())
        .setTitle(maintenance.title()).setDescription(maintenance.description()).setComponentIds(maintenance.componentIds())
        .setScheduledFor(maintenance.scheduledFor()).setScheduledUntil(maintenance.scheduledUntil())
        .setAutoStart(maintenance.autoStart()).setAutoComplete(maintenance.autoComplete())
        .setSuppressAlerts(maintenance.suppressAlerts()).setActor(actor)
        .build();
    return new Emission(Topics.STATUS_MAINTENANCE.name(), maintenance.id(), event);
  }

  Emission maintenanceStarted(MaintenanceState maintenance, boolean automatic, Actor actor, Instant now) {
    MaintenanceStarted event = MaintenanceStarted.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(SOURCE).setMaintenanceId(maintenance.id())
        .setComponentIds(maintenance.componentIds()).setScheduledUntil(maintenance.scheduledUntil())
        .setSuppressAlerts(maintenance.suppressAlerts()).setAutomatic(automatic).setActor(actor)
        .build();
    return new Emission(Topics.STATUS_MAINTENANCE.name(), maintenance.id(), event);
  }

  Emission maintenanceCompleted(MaintenanceState maintenance, boolean automatic, Actor actor, String note, Instant now) {
    MaintenanceCompleted event = MaintenanceCompleted.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(SOURCE).setMaintenanceId(maintenance.id())
        .setComponentIds(maintenance.componentIds()).setOutcome(maintenance.outcome())
        .setStartedAt(maintenance.startedAt())
        .setDurationMs(maintenance.startedAt() == null ? null : Duration.between(maintenance.startedAt(), now).toMillis())
        .setAutomatic(automatic).setActor(actor).setNote(note)
        .build();
    return new Emission(Topics.STATUS_MAINTENANCE.name(), maintenance.id(), event);
  }

  String newId() {
    return ids.get().toString();
  }
}
