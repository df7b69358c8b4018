package io.codelibra.lifeline.failover.database;

import io.codelibra.lifeline.failover.routing.ExecutedStep;
import java.util.ArrayList;
import java.util.List;

/** Whether the data of the secondary region is ready for failover, the reasons when it is not, and the checks run. */
public record DatabaseReadiness(boolean ready, List<String> reasons, List<ExecutedStep> steps) {

  public DatabaseReadiness {
    reasons = List.copyOf(reasons);
    steps = List.copyOf(steps);
  }

  /** Ready only when every part is ready; the reasons and steps of all parts, in order. */
  public static DatabaseReadiness allOf(List<DatabaseReadiness> parts) {
    List<String> reasons = new ArrayList<>();
    List<ExecutedStep> steps = new ArrayList<>();
    boolean ready = true;
    for (DatabaseReadiness part : parts) {
      ready &= part.ready();
      reasons.addAll(part.reasons());
      steps.addAll(part.steps());
    }
    return new DatabaseReadiness(ready, reasons, steps);
  }
}
