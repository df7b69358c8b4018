package io.codelibra.lifeline.statuspage.rules;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.Severity;
import java.util.List;
import java.util.Set;

/**
 * Maps Lifeline incidents onto the page: an incident of one of {@code services} (any when empty) with one of
 * {@code severities} (any when empty) sets {@code components} to {@code status} while it is open, and, when
 * {@code templateId} is set, posts a status incident from that template.
 */
public record IncidentRule(Set<String> services, Set<Severity> severities, List<String> components, ComponentStatus status,
    String templateId) {

  public IncidentRule {
    services = Set.copyOf(services);
    severities = Set.copyOf(severities);
    components = List.copyOf(components);
  }

  public boolean matches(String service, Severity severity) {
    return (services.isEmpty() || services.contains(service)) && (severities.isEmpty() || severities.contains(severity));
  }
}
