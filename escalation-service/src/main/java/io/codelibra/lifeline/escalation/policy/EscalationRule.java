package io.codelibra.lifeline.escalation.policy;

import java.time.Duration;
import java.util.List;

/**
 * One level of a policy: who is paged, and how long they have to acknowledge before the next
 * level is paged ({@code escalation_delay_in_minutes}).
 */
public record EscalationRule(List<PolicyTarget> targets, Duration escalationDelay) {

  public EscalationRule {
    targets = List.copyOf(targets);
  }
}
