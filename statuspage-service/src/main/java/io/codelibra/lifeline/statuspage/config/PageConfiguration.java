package io.codelibra.lifeline.statuspage.config;

import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.statuspage.component.ComponentDefinitionFields;
import io.codelibra.lifeline.statuspage.page.MessageVariables;
import io.codelibra.lifeline.statuspage.page.PageDefinition;
import io.codelibra.lifeline.statuspage.page.PageSettings;
import io.codelibra.lifeline.statuspage.rules.IncidentRule;
import io.codelibra.lifeline.statuspage.rules.RegionRule;
import io.codelibra.lifeline.statuspage.rules.StatusRules;
import io.codelibra.lifeline.statuspage.template.CommunicationTemplate;
import io.codelibra.lifeline.statuspage.template.CommunicationTemplates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checked configuration as domain objects: page settings, definition, rules and compiled templates. */
public record PageConfiguration(PageSettings settings, PageDefinition definition, StatusRules rules, CommunicationTemplates templates) {

  /**
   * Checks and converts the properties; every template is also rendered once for every status it has, with
   * the documented example variables, so a template that names an unknown variable stops the start-up.
   */
  public static PageConfiguration of(StatuspageProperties p) {
    PageConfigurationCheck.check(p);
    StatuspageProperties.Page page = p.page();
    PageSettings settings = new PageSettings(page.id(), page.name(), page.url(), ZoneId.of(page.timeZone()), page.uptimeDays(),
        page.nextUpdateIn());
    PageDefinition definition = new PageDefinition(
        p.groups().stream().map(g -> new PageDefinition.GroupDefinition(g.id(), g.name(), g.description(), g.position())).toList(),
        p.components().stream().map(c -> new ComponentDefinitionFields(c.id(), c.name(), c.description(), c.group(), c.position(),
            c.showcase(), c.onlyShowIfDegraded())).toList());
    StatusRules rules = new StatusRules(
        p.rules().incidents().stream().map(r -> new IncidentRule(Set.copyOf(r.services()), Set.copyOf(r.severities()), r.components(),
            r.status(), r.template())).toList(),
        p.rules().regions().stream().map(r -> new RegionRule(r.region(), r.components(), r.template())).toList());
    CommunicationTemplates templates = new CommunicationTemplates(p.templates().entrySet().stream()
        .map(entry -> template(entry.getKey(), entry.getValue())).toList());
    Map<String, Object> examples = MessageVariables.examples(settings, Instant.now());
    for (CommunicationTemplate template : templates.all()) {
      template.bodies().keySet().forEach(status -> templates.render(template.id(), status, examples));
    }
    return new PageConfiguration(settings, definition, rules, templates);
  }

  private static CommunicationTemplate template(String id, StatuspageProperties.Template t) {
    Map<String, String> bodies = new LinkedHashMap<>();
    put(bodies, StatusIncidentStatus.investigating, t.investigating());
    put(bodies, StatusIncidentStatus.identified, t.identified());
    put(bodies, StatusIncidentStatus.monitoring, t.monitoring());
    put(bodies, StatusIncidentStatus.resolved, t.resolved());
    return new CommunicationTemplate(id, t.name() == null ? id : t.name(), t.impact(), t.title(), bodies);
  }

  private static void put(Map<String, String> bodies, StatusIncidentStatus status, String text) {
    if (text != null && !text.isBlank()) {
      bodies.put(status.name(), text);
    }
  }

  /** Template ids, for listings. */
  public List<String> templateIds() {
    return templates.all().stream().map(CommunicationTemplate::id).toList();
  }
}
