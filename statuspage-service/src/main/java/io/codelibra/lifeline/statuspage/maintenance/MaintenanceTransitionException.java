package io.codelibra.lifeline.statuspage.maintenance;

/** A lifecycle step that the maintenance window's current phase does not allow. */
public class MaintenanceTransitionException extends RuntimeException {

  public MaintenanceTransitionException(String message) {
    super(message);
  }
}
