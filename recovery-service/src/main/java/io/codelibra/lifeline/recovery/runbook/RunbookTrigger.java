package io.codelibra.lifeline.recovery.runbook;

import java.util.Map;

/**
 * What starts a runbook: an event of type {@code event} (its Avro record name, e.g. {@code FailoverRequested}) whose
 * fields equal every {@code match} entry (e.g. {@code direction: failover}, {@code toRegion: us-west-2}), or a cron
 * {@code schedule} (Spring's six-field cron, in {@code zone}). {@code parameters} are templates over the event
 * ({@code ${event.toRegion}}) that override the runbook's defaults for the run.
 */
public record RunbookTrigger(String event, Map<String, String> match, String schedule, String zone,
    Map<String, String> parameters, int line) {

  public RunbookTrigger {
    match = Map.copyOf(match);
    parameters = Map.copyOf(parameters);
  }

  public boolean scheduled() {
    return schedule != null;
  }
}
