package io.codelibra.lifeline.escalation.schedule;

import java.time.Instant;
import java.util.Objects;

/** {@code user} is on call in place of every layer from {@code start} (inclusive) to {@code end} (exclusive). */
public record ScheduleOverride(String user, Instant start, Instant end) {

  public ScheduleOverride {
    Objects.requireNonNull(user, "user");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("override of " + user + " ends at " + end + ", not after its start " + start);
    }
  }

  public boolean covers(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
