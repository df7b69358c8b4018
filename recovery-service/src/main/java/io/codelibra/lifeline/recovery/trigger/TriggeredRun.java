package io.codelibra.lifeline.recovery.trigger;

import io.codelibra.lifeline.recovery.runbook.Runbook;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A runbook an event asked for: the run's parameters (defaults, then the trigger's, plus {@code event.<field>}), its
 * resolved target, the event, the incident it belongs to and when the outage began (the start of its RTO).
 */
public record TriggeredRun(Runbook runbook, Map<String, String> parameters, String target, UUID triggerEventId,
    String triggerEventType, String incidentId, Instant outageStartedAt) {

  public TriggeredRun {
    parameters = Map.copyOf(parameters);
  }

  /** Deterministic, so a redelivered trigger finds the run it already started instead of starting another. */
  public String runId() {
    return runbook.id() + "-" + triggerEventId;
  }
}
