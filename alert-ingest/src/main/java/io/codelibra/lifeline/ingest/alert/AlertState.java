package io.codelibra.lifeline.ingest.alert;

/** Where an alert stands according to its source: the event it becomes follows from this. */
public enum AlertState {
  /** Firing / ALARM / trigger: becomes AlertRaised. */
  FIRING,
  /** PagerDuty acknowledge: becomes AlertAcknowledged. */
  ACKNOWLEDGED,
  /** Resolved / OK / resolve: becomes AlertResolved. */
  RESOLVED
}
