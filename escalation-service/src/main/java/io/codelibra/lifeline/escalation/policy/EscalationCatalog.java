package io.codelibra.lifeline.escalation.policy;

import java.util.LinkedHashMap;
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

  /**
   * Every escalation delay divided by {@code divisor}: drills and tests run the real policies in
   * seconds instead of minutes (divisor 60 turns minutes into seconds). 1 leaves them as written.
   */
  public EscalationCatalog withDelaysDividedBy(int divisor) {
    if (divisor == 1) {
      return this;
    }
    if (divisor < 1) {
      throw new IllegalArgumentException("delay divisor must be 1 or more, was " + divisor);
    }
    Map<String, EscalationPolicy> scaled = new LinkedHashMap<>();
    policies.forEach((name, policy) -> scaled.put(name, new EscalationPolicy(name, policy.rules().stream()
        .map(rule -> new EscalationRule(rule.targets(), rule.escalationDelay().dividedBy(divisor))).toList(),
        policy.numLoops())));
    return new EscalationCatalog(scaled, services, defaults);
  }

  /** Whether any service (or the defaults) groups alerts: only then do incidents need re-keying by service. */
  public boolean groupsAlerts() {
    return defaults.groupingWindow().isPresent()
        || services.values().stream().anyMatch(settings -> settings.groupingWindow().isPresent());
  }

  public Optional<EscalationPolicy> policy(String name) {
    return Optional.ofNullable(name).map(policies::get);
  }
}
