package io.codelibra.lifeline.statuspage.component;

import io.codelibra.lifeline.events.ComponentStatus;
import java.util.Collection;

/**
 * Order of component statuses from best to worst, so automation can show the worst of several causes.
 * Maintenance ranks below any problem: an outage during a maintenance window is still shown as an outage.
 */
public final class StatusRank {

  private StatusRank() {
  }

  public static int of(ComponentStatus status) {
    return switch (status) {
      case operational -> 0;
      case under_maintenance -> 1;
      case degraded_performance -> 2;
      case partial_outage -> 3;
      case major_outage -> 4;
    };
  }

  public static ComponentStatus worst(Collection<ComponentStatus> statuses) {
    ComponentStatus worst = ComponentStatus.operational;
    for (ComponentStatus status : statuses) {
      if (of(status) > of(worst)) {
        worst = status;
      }
    }
    return worst;
  }
}
