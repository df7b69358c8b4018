package io.codelibra.lifeline.escalation.incident;

/** PagerDuty's incident lifecycle: triggered (paging), acknowledged (someone has it), resolved. */
public enum IncidentStatus {
  triggered,
  acknowledged,
  resolved
}
