package io.codelibra.lifeline.statuspage.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cross-checks the configuration before the service starts: ids are present and unique, every rule and
 * component names a defined component, group and template. All problems are reported at once, by property.
 */
final class PageConfigurationCheck {

  private final List<String> problems = new ArrayList<>();

  static void check(StatuspageProperties properties) {
    PageConfigurationCheck check = new PageConfigurationCheck();
    check.run(properties);
    if (!check.problems.isEmpty()) {
      throw new IllegalStateException("invalid status page configuration:\n  " + String.join("\n  ", check.problems));
    }
  }

  private void run(StatuspageProperties p) {
    Set<String> groups = ids("lifeline.statuspage.groups", p.groups().stream().map(StatuspageProperties.Group::id).toList());
    Set<String> components = ids("lifeline.statuspage.components",
        p.components().stream().map(StatuspageProperties.Component::id).toList());
    for (int i = 0; i < p.groups().size(); i++) {
      require(p.groups().get(i).name(), "lifeline.statuspage.groups[" + i + "].name");
    }
    for (int i = 0; i < p.components().size(); i++) {
      StatuspageProperties.Component component = p.components().get(i);
      require(component.name(), "lifeline.statuspage.components[" + i + "].name");
      if (component.group() != null && !groups.contains(component.group())) {
        problems.add("lifeline.statuspage.components[" + i + "].group: no group '" + component.group() + "'");
      }
    }
    for (int i = 0; i < p.rules().incidents().size(); i++) {
      StatuspageProperties.IncidentRule rule = p.rules().incidents().get(i);
      String at = "lifeline.statuspage.rules.incidents[" + i + "]";
      if (rule.status() == null) {
        problems.add(at + ".status: missing");
      }
      references(at + ".components", rule.components(), components);
      if (rule.template() != null && !p.templates().containsKey(rule.template())) {
        problems.add(at + ".template: no template '" + rule.template() + "'");
      }
    }
    for (int i = 0; i < p.rules().regions().size(); i++) {
      StatuspageProperties.RegionRule rule = p.rules().regions().get(i);
      String at = "lifeline.statuspage.rules.regions[" + i + "]";
      require(rule.region(), at + ".region");
      references(at + ".components", rule.components(), components);
      if (!p.templates().containsKey(rule.template())) {
        problems.add(at + ".template: no template '" + rule.template() + "'");
      }
    }
    p.templates().forEach((id, template) -> {
      require(template.title(), "lifeline.statuspage.templates." + id + ".title");
      require(template.investigating(), "lifeline.statuspage.templates." + id + ".investigating");
    });
  }

  private Set<String> ids(String at, List<String> ids) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null || id.isBlank()) {
        problems.add(at + "[" + i + "].id: missing");
      } else if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
        problems.add(at + "[" + i + "].id: '" + id + "' must be 1-64 letters, digits, '.', '_' or '-'");
      } else if (!seen.add(id)) {
        problems.add(at + "[" + i + "].id: '" + id + "' is defined twice");
      }
    }
    return seen;
  }

  private void references(String at, List<String> referenced, Set<String> known) {
    if (referenced == null || referenced.isEmpty()) {
      problems.add(at + ": at least one component");
      return;
    }
    for (int i = 0; i < referenced.size(); i++) {
      if (!known.contains(referenced.get(i))) {
        problems.add(at + "[" + i + "]: no component '" + referenced.get(i) + "'");
      }
    }
  }

  private void require(String value, String at) {
    if (value == null || value.isBlank()) {
      problems.add(at + ": missing");
    }
  }
}
