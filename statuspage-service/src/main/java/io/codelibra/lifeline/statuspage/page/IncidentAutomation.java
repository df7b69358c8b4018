package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.statuspage.component.Contribution;
import io.codelibra.lifeline.statuspage.component.StatusRank;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.rules.IncidentRule;
import io.codelibra.lifeline.statuspage.rules.StatusRules;
import io.codelibra.lifeline.statuspage.template.CommunicationTemplates;
import io.codelibra.lifeline.statuspage.template.RenderedMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lifeline incidents on the page: an opened incident matching incident rules holds their components at the
 * rules' status and, when a rule names a template, posts a status incident ({@code investigating}); an
 * acknowledgement posts {@code identified} when the template has that text; resolution releases the
 * components and resolves the status incident. Incidents opened while suppressed by maintenance change nothing.
 */
final class IncidentAutomation {

  private final StatusRules rules;
  private final CommunicationTemplates templates;

  IncidentAutomation(StatusRules rules, CommunicationTemplates templates) {
    this.rules = rules;
    this.templates = templates;
  }

  static String statusIncidentId(String lifelineIncidentId) {
    return "lifeline-" + lifelineIncidentId;
  }

  void opened(PageWork work, IncidentOpened opened) {
    List<IncidentRule> matching = rules.forIncident(opened.getService(), opened.getSeverity());
    if (matching.isEmpty() || opened.getSuppressed()) {
      return;
    }
    String reason = opened.getSeverity() + " incident: " + opened.getTitle();
    Map<String, ComponentStatus> held = new LinkedHashMap<>();
    List<AffectedComponent> affected = new ArrayList<>();
    String templateId = null;
    for (IncidentRule rule : matching) {
      Contribution contribution = new Contribution(rule.status(), reason, StatusChangeCauseType.incident, opened.getIncidentId());
      affected.addAll(work.contribute(rule.components(), contribution));
      rule.components().stream().filter(id -> work.page.component(id).isPresent())
          .forEach(id -> held.merge(id, rule.status(), (a, b) -> StatusRank.of(a) >= StatusRank.of(b) ? a : b));
      if (templateId == null) {
        templateId = rule.templateId();
      }
    }
    if (templateId == null || held.isEmpty()) {
      return;
    }
    Map<String, Object> variables = variables(work, opened, held.keySet());
    RenderedMessage message = templates.render(templateId, StatusIncidentStatus.investigating.name(), variables);
    work.postIncident(null, statusIncidentId(opened.getIncidentId()), message.title(), StatusIncidentStatus.investigating,
        Impacts.of(StatusRank.worst(held.values())), held, message.body(), affected, templateId, opened.getIncidentId(), null);
  }

  void acknowledged(PageWork work, IncidentAcknowledged acknowledged) {
    work.page.incident(statusIncidentId(acknowledged.getIncidentId()))
        .filter(incident -> incident.open() && incident.status() == StatusIncidentStatus.investigating)
        .filter(incident -> templates.hasBody(incident.templateId(), StatusIncidentStatus.identified.name()))
        .ifPresent(incident -> post(work, incident, StatusIncidentStatus.identified, List.of(), Map.of()));
  }

  void resolved(PageWork work, IncidentResolved resolved) {
    String reason = "incident " + resolved.getIncidentId() + " resolved";
    List<AffectedComponent> affected = work.withdraw(StatusChangeCauseType.incident, resolved.getIncidentId(), reason);
    work.page.incident(statusIncidentId(resolved.getIncidentId())).filter(StatusIncidentState::open)
        .ifPresent(incident -> post(work, incident, StatusIncidentStatus.resolved, affected,
            Map.of("reason", resolved.getResolution() != null ? resolved.getResolution() : resolved.getReason().name())));
  }

  private void post(PageWork work, StatusIncidentState incident, StatusIncidentStatus status, List<AffectedComponent> affected,
      Map<String, Object> extra) {
    Map<String, Object> variables = new LinkedHashMap<>(MessageVariables.of(work.page.settings(),
        work.components(incident.componentStatuses().keySet()), incident.createdAt(), work.now));
    variables.put("title", incident.name());
    variables.putAll(extra);
    RenderedMessage message = templates.render(incident.templateId(), status.name(), variables);
    work.postIncident(incident, incident.id(), incident.name(), status, incident.impact(), Map.of(), message.body(), affected,
        incident.templateId(), incident.lifelineIncidentId(), incident.regionPair());
  }

  private static Map<String, Object> variables(PageWork work, IncidentOpened opened, Set<String> componentIds) {
    Map<String, Object> variables = new LinkedHashMap<>(
        MessageVariables.of(work.page.settings(), work.components(componentIds), opened.getOccurredAt(), work.now));
    variables.put("service", opened.getService());
    variables.put("severity", opened.getSeverity().name());
    variables.put("title", opened.getTitle());
    variables.put("reason", opened.getDescription() == null ? opened.getTitle() : opened.getDescription());
    return variables;
  }
}
