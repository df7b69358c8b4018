package io.codelibra.lifeline.escalation.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Who is on call for a schedule at an instant: the port the escalation logic pages through. */
public interface OnCallLookup {

  /** User ids on call for {@code scheduleId} at {@code at}, in layer order (top layer first); empty when nobody. */
  List<String> onCall(String scheduleId, Instant at);

  Set<String> scheduleIds();
}
