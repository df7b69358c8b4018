package io.codelibra.lifeline.escalation.policy;

import java.util.Map;
import java.util.Optional;

/**
 * Everything loaded from the policy files: policies by name, per-service settings, and the
 * settings of services that are not listed ({@code defaults}).
 */
public record EscalationCatalog(Map<String, EscalationPolicy> policies, Map<String, ServiceSettings> services,
    ServiceSettings defaults) {

  public EscalationCatalog {
    policies = Map.copyOf(policies);
    services = Map.copyOf(services);
  }

  public ServiceSettings settingsFor(String service) {
    return services.getOrDefault(service, defaults);
  }

  public Optional<EscalationPolicy> policy(String name) {
    return Optional.ofNullable(name).map(policies::get);
  }
}
