package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.events.ComponentDefinition;
import io.codelibra.lifeline.events.ComponentGroupDefinition;
import io.codelibra.lifeline.events.ComponentOverride;
import io.codelibra.lifeline.events.ComponentOverrideRelease;
import io.codelibra.lifeline.events.ComponentRemoval;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.MaintenancePlan;
import io.codelibra.lifeline.events.MaintenanceStep;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentPost;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusPageChangeRequested;
import io.codelibra.lifeline.events.SubscriberConfirmation;
import io.codelibra.lifeline.events.SubscriberRegistration;
import io.codelibra.lifeline.events.SubscriberRemoval;
import io.codelibra.lifeline.statuspage.component.ComponentDefinitionFields;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.component.Contribution;
import io.codelibra.lifeline.statuspage.component.HeldStatus;
import io.codelibra.lifeline.statuspage.component.StatusRank;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState.Step;
import io.codelibra.lifeline.statuspage.subscriber.SubscriberState;
import io.codelibra.lifeline.statuspage.template.CommunicationTemplates;
import io.codelibra.lifeline.statuspage.template.RenderedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Administrators' and subscribers' changes, from {@code status.commands}. Each checks everything it needs
 * before changing anything, and throws {@link IllegalArgumentException} (or a lifecycle/template exception)
 * for a change that cannot be applied, which is then audited as refused.
 */
final class AdminChanges {

  private final CommunicationTemplates templates;
  private final MaintenanceLifecycle maintenance;

  AdminChanges(CommunicationTemplates templates, MaintenanceLifecycle maintenance) {
    this.templates = templates;
    this.maintenance = maintenance;
  }

  /** Applies the change; returns what it targeted, for the audit log. */
  String apply(PageWork work, StatusPageChangeRequested request) {
    return switch (request.getChange()) {
      case ComponentDefinition definition -> define(work, definition);
      case ComponentRemoval removal -> remove(work, removal.getComponentId());
      case ComponentGroupDefinition group -> defineGroup(work, group);
      case ComponentOverride override -> override(work, override);
      case ComponentOverrideRelease release -> release(work, release);
      case StatusIncidentPost post -> post(work, post);
      case MaintenancePlan plan -> {
        requireComponents(work, plan.getComponentIds());
        maintenance.plan(work, plan);
        yield "maintenance/" + plan.getMaintenanceId();
      }
      case MaintenanceStep step -> {
        maintenance.step(work, step.getMaintenanceId(), stepOf(step), step.getNote(), false);
        yield "maintenance/" + step.getMaintenanceId();
      }
      case SubscriberRegistration registration -> subscribe(work, registration);
      case SubscriberConfirmation confirmation -> confirm(work, confirmation.getSubscriberId());
      case SubscriberRemoval removal -> {
        work.page.subscriber(removal.getSubscriberId())
            .orElseThrow(() -> new IllegalArgumentException("no subscriber " + removal.getSubscriberId()));
        work.page.removeSubscriber(removal.getSubscriberId(), work.now);
        yield "subscriber/" + removal.getSubscriberId();
      }
      default -> throw new IllegalArgumentException("unknown change " + request.getChange().getClass().getSimpleName());
    };
  }

  private String define(PageWork work, ComponentDefinition definition) {
    if (definition.getGroupId() != null && work.page.group(definition.getGroupId()).isEmpty()) {
      throw new IllegalArgumentException("no component group " + definition.getGroupId());
    }
    int position = definition.getPosition() != null ? definition.getPosition() : work.page.components().size() + 1;
    ComponentDefinitionFields fields = new ComponentDefinitionFields(definition.getComponentId(), definition.getName(),
        definition.getDescription(), definition.getGroupId(), position, definition.getShowcase(), definition.getOnlyShowIfDegraded());
    ComponentSetup.define(work, fields);
    return "component/" + definition.getComponentId();
  }

  private String remove(PageWork work, String componentId) {
    requireComponents(work, List.of(componentId));
    work.page.removeComponent(componentId, work.now);
    work.emissions.add(work.events.componentRemoved(componentId));
    return "component/" + componentId;
  }

  private String defineGroup(PageWork work, ComponentGroupDefinition group) {
    ComponentSetup.defineGroup(work, new PageDefinition.GroupDefinition(group.getGroupId(), group.getName(), group.getDescription(),
        group.getPosition() == null ? 0 : group.getPosition()));
    return "group/" + group.getGroupId();
  }

  private String override(PageWork work, ComponentOverride override) {
    ComponentState component = requireComponent(work, override.getComponentId());
    work.page.putComponent(component.withOverride(new HeldStatus(override.getStatus(), override.getReason(), work.actor.getId(), work.now)));
    work.settle(component.id(), "manual override: " + override.getReason(), StatusChangeCauseType.manual, null, true);
    return "component/" + component.id();
  }

  private String release(PageWork work, ComponentOverrideRelease release) {
    ComponentState component = requireComponent(work, release.getComponentId());
    if (component.override() == null) {
      throw new IllegalArgumentException("component " + component.id() + " has no override to release");
    }
    work.page.putComponent(component.withOverride(null));
    String reason = "manual override released" + (release.getReason() == null ? "" : ": " + release.getReason());
    work.settle(component.id(), reason, StatusChangeCauseType.manual, null, true);
    return "component/" + component.id();
  }

  private String post(PageWork work, StatusIncidentPost post) {
    StatusIncidentState existing = work.page.incident(post.getIncidentId()).orElse(null);
    String templateId = post.getTemplateId() != null ? post.getTemplateId() : existing == null ? null : existing.templateId();
    if (post.getBody() == null && templateId == null) {
      throw new IllegalArgumentException("an incident update needs a body or a template");
    }
    if (existing == null && post.getName() == null && templateId == null) {
      throw new IllegalArgumentException("a new incident needs a name or a template");
    }
    requireComponents(work, post.getComponentStatuses().keySet());
    Map<String, ComponentStatus> statuses = new LinkedHashMap<>(post.getComponentStatuses());
    LinkedHashSet<String> componentIds = new LinkedHashSet<>(existing == null ? List.of() : existing.componentStatuses().keySet());
    componentIds.addAll(statuses.keySet());
    RenderedMessage rendered = null;
    if (post.getBody() == null || post.getName() == null && existing == null) {
      Map<String, Object> variables = new LinkedHashMap<>(MessageVariables.of(work.page.settings(),
          work.components(componentIds), existing == null ? work.now : existing.createdAt(), work.now));
      variables.putAll(post.getVariables());
      rendered = templates.render(templateId, post.getStatus().name(), variables);
    }
    String name = post.getName() != null ? post.getName() : existing != null ? existing.name() : rendered.title();
    String body = post.getBody() != null ? post.getBody() : rendered.body();
    StatusIncidentImpact impact = post.getImpact() != null ? post.getImpact()
        : existing != null ? existing.impact()
        : statuses.isEmpty() ? StatusIncidentImpact.minor : Impacts.of(StatusRank.worst(statuses.values()));
    // An automated incident's components are held under its Lifeline incident, so that whichever of Lifeline and
    // the operator resolves it releases all of them.
    String causeId = existing != null && existing.lifelineIncidentId() != null ? existing.lifelineIncidentId() : post.getIncidentId();
    List<AffectedComponent> affected = new ArrayList<>();
    if (post.getStatus() == StatusIncidentStatus.resolved) {
      affected.addAll(work.withdraw(StatusChangeCauseType.incident, causeId, "incident resolved: " + name));
    } else {
      statuses.forEach((componentId, status) -> affected.addAll(work.contribute(List.of(componentId),
          new Contribution(status, name, StatusChangeCauseType.incident, causeId))));
    }
    work.postIncident(existing, post.getIncidentId(), name, post.getStatus(), impact, statuses, body, affected, templateId,
        existing == null ? null : existing.lifelineIncidentId(), existing == null ? null : existing.regionPair());
    return "incident/" + post.getIncidentId();
  }

  private String subscribe(PageWork work, SubscriberRegistration registration) {
    requireComponents(work, registration.getComponentIds());
    work.page.putSubscriber(new SubscriberState(registration.getSubscriberId(), registration.getChannel(), registration.getAddress(),
        registration.getConfirmed(), registration.getComponentIds(), work.now, registration.getConfirmed() ? work.now : null), work.now);
    return "subscriber/" + registration.getSubscriberId();
  }

  private String confirm(PageWork work, String subscriberId) {
    SubscriberState subscriber = work.page.subscriber(subscriberId)
        .orElseThrow(() -> new IllegalArgumentException("no subscriber " + subscriberId));
    if (!subscriber.confirmed()) {
      work.page.putSubscriber(new SubscriberState(subscriber.id(), subscriber.channel(), subscriber.address(), true,
          subscriber.componentIds(), subscriber.createdAt(), work.now), work.now);
    }
    return "subscriber/" + subscriberId;
  }

  private static Step stepOf(MaintenanceStep step) {
    return switch (step.getStep()) {
      case start -> Step.START;
      case verify -> Step.VERIFY;
      case complete -> Step.COMPLETE;
      case cancel -> Step.CANCEL;
      case unknown -> throw new IllegalArgumentException("unknown maintenance step");
    };
  }

  private static ComponentState requireComponent(PageWork work, String id) {
    return work.page.component(id).orElseThrow(() -> new IllegalArgumentException("no component " + id));
  }

  private static void requireComponents(PageWork work, Iterable<String> ids) {
    for (String id : ids) {
      requireComponent(work, id);
    }
  }
}
