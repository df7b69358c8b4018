package io.codelibra.lifeline.escalation.contact;

import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;

/** Notify over {@code contactMethodId} {@code startDelay} after the user is paged, for incidents of {@code urgency}. */
public record NotificationRule(String contactMethodId, Duration startDelay, RuleUrgency urgency) {

  public boolean appliesTo(Urgency incidentUrgency) {
    return urgency.matches(incidentUrgency);
  }
}
