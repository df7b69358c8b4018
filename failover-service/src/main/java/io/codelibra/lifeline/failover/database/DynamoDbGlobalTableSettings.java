package io.codelibra.lifeline.failover.database;

import java.util.List;
import java.util.Objects;

/** The DynamoDB global tables whose replica in the secondary region must be ACTIVE before failing over. */
public record DynamoDbGlobalTableSettings(List<String> tableNames, String secondaryRegion) {

  public DynamoDbGlobalTableSettings {
    tableNames = List.copyOf(tableNames);
    Objects.requireNonNull(secondaryRegion, "secondaryRegion");
  }
}
