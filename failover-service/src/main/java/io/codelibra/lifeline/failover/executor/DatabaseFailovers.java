package io.codelibra.lifeline.failover.executor;

import io.codelibra.lifeline.failover.database.DatabaseFailover;
import io.codelibra.lifeline.failover.database.ReadinessCheck;
import java.util.List;

/**
 * The data side of a region move: what is promoted on failover and on failback (null: nothing, or left to a recovery
 * runbook), and the replication checks that must pass before failing over (e.g. DynamoDB global tables).
 */
public record DatabaseFailovers(DatabaseFailover failover, DatabaseFailover failback, List<ReadinessCheck> readiness) {

  public static final DatabaseFailovers NONE = new DatabaseFailovers(null, null, List.of());

  public DatabaseFailovers {
    readiness = List.copyOf(readiness);
  }
}
