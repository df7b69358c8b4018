package io.codelibra.lifeline.statuspage.rules;

import io.codelibra.lifeline.events.Severity;
import java.util.List;
import java.util.Optional;

/** Every automation rule of the page: incident rules (all that match apply) and one rule per region. */
public record StatusRules(List<IncidentRule> incidents, List<RegionRule> regions) {

  public StatusRules {
    incidents = List.copyOf(incidents);
    regions = List.copyOf(regions);
  }

  public List<IncidentRule> forIncident(String service, Severity severity) {
    return incidents.stream().filter(rule -> rule.matches(service, severity)).toList();
  }

  public Optional<RegionRule> forRegion(String region) {
    return regions.stream().filter(rule -> rule.region().equals(region)).findFirst();
  }
}
