package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusIncidentImpact;

/** The incident impact Statuspage suggests for the worst component status it causes. */
final class Impacts {

  private Impacts() {
  }

  static StatusIncidentImpact of(ComponentStatus worst) {
    return switch (worst) {
      case major_outage -> StatusIncidentImpact.critical;
      case partial_outage -> StatusIncidentImpact.major;
      case degraded_performance -> StatusIncidentImpact.minor;
      case operational, under_maintenance -> StatusIncidentImpact.none;
    };
  }
}
