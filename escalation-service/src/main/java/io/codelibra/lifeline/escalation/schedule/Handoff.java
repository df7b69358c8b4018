package io.codelibra.lifeline.escalation.schedule;

import java.time.Instant;
import java.util.List;

/** The moment a schedule's on-call changes, and who is on call from then ({@code onCall} empty: nobody). */
public record Handoff(Instant at, List<String> onCall) {

  public Handoff {
    onCall = List.copyOf(onCall);
  }
}
