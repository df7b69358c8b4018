package io.codelibra.lifeline.escalation.policy;

/** One entry of {@code escalation_rules[].targets[]}: a user, or an on-call schedule resolved at paging time. */
public record PolicyTarget(Type type, String id) {

  public enum Type {
    user_reference,
    schedule_reference
  }
}
