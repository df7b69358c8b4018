package io.codelibra.lifeline.escalation.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Who is on call for a schedule at an instant: the port the escalation logic pages through. */
public interface OnCallLookup {

  /**
   * The user ids on call for {@code scheduleId} at {@code at} in its final schedule: the covering
   * override's user, else the user of the highest layer with somebody on call (see
   * {@link OnCallSchedule}), so at most one; empty when nobody is, or the schedule is unknown.
   */
  List<String> onCall(String scheduleId, Instant at);

  Set<String> scheduleIds();
}
