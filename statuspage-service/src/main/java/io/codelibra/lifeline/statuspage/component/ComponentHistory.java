package io.codelibra.lifeline.statuspage.component;

import io.codelibra.lifeline.events.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A component's status changes, oldest first, kept for the uptime bars (90 days by default). */
public record ComponentHistory(String componentId, List<StatusSpan> spans) {

  public ComponentHistory {
    spans = List.copyOf(spans);
  }

  public static ComponentHistory startingAt(String componentId, ComponentStatus status, Instant at) {
    return new ComponentHistory(componentId, List.of(new StatusSpan(at, status)));
  }

  /** Records a change at {@code at} and forgets spans that ended more than {@code keep} before it. */
  public ComponentHistory changedTo(ComponentStatus status, Instant at, Duration keep) {
    List<StatusSpan> next = new ArrayList<>(spans);
    next.add(new StatusSpan(at, status));
    Instant horizon = at.minus(keep);
    while (next.size() > 1 && !next.get(1).from().isAfter(horizon)) {
      next.remove(0);
    }
    return new ComponentHistory(componentId, next);
  }
}
