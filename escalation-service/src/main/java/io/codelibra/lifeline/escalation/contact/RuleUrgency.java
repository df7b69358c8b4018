package io.codelibra.lifeline.escalation.contact;

import io.codelibra.lifeline.events.Urgency;

/** Which incidents a notification rule applies to: high urgency, low urgency, or both ({@code any}). */
public enum RuleUrgency {
  high,
  low,
  any;

  public boolean matches(Urgency urgency) {
    return this == any || name().equals(urgency.name());
  }
}
