package io.codelibra.lifeline.statuspage.maintenance;

/** Statuspage's scheduled-maintenance lifecycle. */
public enum MaintenancePhase {
  scheduled, in_progress, verifying, completed;

  public boolean active() {
    return this == in_progress || this == verifying;
  }
}
