package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.component.StatusRank;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import java.util.List;

/**
 * The page's top-level status, Statuspage's {@code status} object: an indicator and its description.
 *
 * <p>The rule follows Statuspage's "Top-level status and incident impact calculations": the status comes from the
 * components, and an unresolved incident can only make it worse.
 * <ol>
 *   <li>Components (groups are not counted: they only show their members' worst status). With none, or all
 *       operational: {@code none}, "All Systems Operational". Otherwise the worst status decides, worded by whether
 *       every component shares it:
 *       <ul>
 *         <li>major_outage: all "Major System Outage" ({@code critical}), some "Partial System Outage" ({@code major});</li>
 *         <li>partial_outage: all "Partial System Outage" ({@code major}), some "Minor Service Outage" ({@code minor});</li>
 *         <li>degraded_performance: all "Degraded System Service", some "Partially Degraded Service" (both {@code minor});</li>
 *         <li>under_maintenance, with nothing worse: "Service Under Maintenance" ({@code maintenance}).</li>
 *       </ul></li>
 *   <li>Unresolved incidents: the worst impact among them is a floor. When it is worse than the components' indicator
 *       it decides: {@code critical} "Major System Outage", {@code major} "Partial System Outage", {@code minor}
 *       "Minor Service Outage". Impact {@code none} never changes the status.</li>
 * </ol>
 * Indicators rank {@code none < maintenance < minor < major < critical}.
 */
public record PageStatus(Indicator indicator, String description) {

  public static final String ALL_OPERATIONAL = "All Systems Operational";

  /** Statuspage's status indicator, best to worst. */
  public enum Indicator {
    none, maintenance, minor, major, critical
  }

  public static PageStatus of(List<ComponentState> components, List<StatusIncidentState> incidents) {
    PageStatus fromComponents = fromComponents(components);
    PageStatus fromIncidents = fromIncidents(incidents);
    return fromIncidents.indicator().compareTo(fromComponents.indicator()) > 0 ? fromIncidents : fromComponents;
  }

  private static PageStatus fromComponents(List<ComponentState> components) {
    List<ComponentStatus> statuses = components.stream().map(ComponentState::status).toList();
    ComponentStatus worst = StatusRank.worst(statuses);
    boolean all = statuses.stream().allMatch(status -> status == worst);
    return switch (worst) {
      case operational -> new PageStatus(Indicator.none, ALL_OPERATIONAL);
      case under_maintenance -> new PageStatus(Indicator.maintenance, "Service Under Maintenance");
      case degraded_performance -> new PageStatus(Indicator.minor, all ? "Degraded System Service" : "Partially Degraded Service");
      case partial_outage -> all ? new PageStatus(Indicator.major, "Partial System Outage")
          : new PageStatus(Indicator.minor, "Minor Service Outage");
      case major_outage -> all ? new PageStatus(Indicator.critical, "Major System Outage")
          : new PageStatus(Indicator.major, "Partial System Outage");
    };
  }

  private static PageStatus fromIncidents(List<StatusIncidentState> incidents) {
    StatusIncidentImpact worst = StatusIncidentImpact.none;
    for (StatusIncidentState incident : incidents) {
      if (incident.open() && incident.impact().ordinal() > worst.ordinal()) {
        worst = incident.impact();
      }
    }
    return switch (worst) {
      case none -> new PageStatus(Indicator.none, ALL_OPERATIONAL);
      case minor -> new PageStatus(Indicator.minor, "Minor Service Outage");
      case major -> new PageStatus(Indicator.major, "Partial System Outage");
      case critical -> new PageStatus(Indicator.critical, "Major System Outage");
    };
  }
}
