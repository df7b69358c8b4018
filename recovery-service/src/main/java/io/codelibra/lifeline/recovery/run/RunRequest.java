package io.codelibra.lifeline.recovery.run;

import io.codelibra.lifeline.events.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A run about to start: its id, the resolved target resource, the run's parameters (the runbook's defaults overridden
 * by the trigger's and the operator's; {@code event.<field>} entries carry the triggering event), whether it is a dry
 * run, what triggered it, the incident and when the outage began (the start of the RTO), and who started it.
 */
public record RunRequest(String runId, String target, Map<String, String> parameters, boolean dryRun, UUID triggerEventId,
    String triggerEventType, String incidentId, Instant outageStartedAt, Actor startedBy) {

  public RunRequest {
    parameters = Map.copyOf(parameters);
  }
}
