package io.codelibra.lifeline.escalation.schedule;

import java.time.Instant;

/** A half-open span of time {@code [start, end)}. */
record TimeWindow(Instant start, Instant end) {

  boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
