package io.codelibra.lifeline.escalation.contact;

import io.codelibra.lifeline.events.Urgency;
import java.util.List;

/** Users' contact methods and notification rules: the port the escalation logic notifies through. */
public interface ContactDirectory {

  /** The notifications a page of {@code userId} at {@code urgency} sends, in delay order; empty for an unknown user. */
  List<ContactPlan> contactPlan(String userId, Urgency urgency);
}
