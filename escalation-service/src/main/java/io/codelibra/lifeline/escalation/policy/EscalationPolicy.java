package io.codelibra.lifeline.escalation.policy;

import java.util.List;

/**
 * An escalation policy in the RFC's (PagerDuty's) format. {@code numLoops} is how many times the
 * whole rule list is repeated after the first pass when nobody acknowledges (0 = run once).
 */
public record EscalationPolicy(String name, List<EscalationRule> rules, int numLoops) {

  public EscalationPolicy {
    rules = List.copyOf(rules);
  }
}
