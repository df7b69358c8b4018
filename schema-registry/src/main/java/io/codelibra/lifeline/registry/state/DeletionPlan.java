package io.codelibra.lifeline.registry.state;

import java.util.List;

/** The versions a delete request removes, and the log records (soft-delete rewrites or tombstones) that remove them. */
public record DeletionPlan(List<Integer> versions, List<LogRecord> records) {

  public DeletionPlan {
    versions = List.copyOf(versions);
    records = List.copyOf(records);
  }
}
