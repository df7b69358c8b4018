package io.codelibra.lifeline.failover.database;

import io.codelibra.lifeline.failover.routing.ExecutedStep;
import java.util.List;

/** The outcome of {@link DatabaseFailover#promote}: what is now writable, whether it had to change, and the steps. */
public record PromotionResult(String database, boolean changed, String verified, List<ExecutedStep> steps) {

  public PromotionResult {
    steps = List.copyOf(steps);
  }
}
