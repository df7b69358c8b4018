package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import java.util.Locale;

/** The words the HTML page and the feed show for Statuspage's status and impact names. */
public final class StatusLabels {

  private StatusLabels() {
  }

  public static String of(ComponentStatus status) {
    return switch (status) {
      case operational -> "Operational";
      case degraded_performance -> "Degraded Performance";
      case partial_outage -> "Partial Outage";
      case major_outage -> "Major Outage";
      case under_maintenance -> "Under Maintenance";
    };
  }

  public static String of(StatusIncidentImpact impact) {
    return switch (impact) {
      case none -> "No impact";
      case minor -> "Minor impact";
      case major -> "Major impact";
      case critical -> "Critical impact";
    };
  }

  /** A lifecycle name ({@code investigating}, {@code in_progress}, ...) as a word: "Investigating", "In progress". */
  public static String ofLifecycle(String status) {
    if (status == null || status.isEmpty()) {
      return "Update";
    }
    String words = status.replace('_', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
