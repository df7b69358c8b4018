package io.codelibra.lifeline.failover.database;

import io.codelibra.lifeline.failover.routing.StepRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Readiness of DynamoDB global tables (version 2019.11.21) before failing over: for each table, {@code DescribeTable}
 * shows the table ACTIVE and its replica in the secondary region with {@code ReplicaStatus} ACTIVE. Global tables are
 * multi-writer, so there is nothing to promote; a replica that is still CREATING/UPDATING or INACCESSIBLE_ENCRYPTION_
 * CREDENTIALS would take writes it cannot serve, so failover waits.
 */
public final class DynamoDbGlobalTableCheck implements ReadinessCheck {

  private final DynamoDbClient dynamoDb;
  private final DynamoDbGlobalTableSettings settings;
  private final Clock clock;

  public DynamoDbGlobalTableCheck(DynamoDbClient dynamoDb, DynamoDbGlobalTableSettings settings, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public DatabaseReadiness check() {
    StepRecorder steps = new StepRecorder(clock);
    List<String> reasons = new ArrayList<>();
    for (String table : settings.tableNames()) {
      List<String> tableReasons = steps.run("dynamodb-describe-table-" + table, () -> reasonsNotReady(table),
          found -> found.isEmpty()
              ? table + ": replica in " + settings.secondaryRegion() + " ACTIVE"
              : String.join("; ", found));
      reasons.addAll(tableReasons);
    }
    return new DatabaseReadiness(reasons.isEmpty(), reasons, steps.steps());
  }

  private List<String> reasonsNotReady(String tableName) {
    TableDescription table;
    try {
      table = dynamoDb.describeTable(request -> request.tableName(tableName)).table();
    } catch (ResourceNotFoundException e) {
      return List.of(tableName + ": table not found");
    }
    List<String> reasons = new ArrayList<>();
    if (table.tableStatus() != TableStatus.ACTIVE) {
      reasons.add(tableName + ": table is " + table.tableStatusAsString());
    }
    ReplicaDescription replica = table.replicas().stream()
        .filter(r -> settings.secondaryRegion().equals(r.regionName()))
        .findFirst()
        .orElse(null);
    if (replica == null) {
      reasons.add(tableName + ": no replica in " + settings.secondaryRegion());
    } else if (replica.replicaStatus() != ReplicaStatus.ACTIVE) {
      reasons.add(tableName + ": replica in " + settings.secondaryRegion() + " is " + replica.replicaStatusAsString()
          + (replica.replicaStatusDescription() == null ? "" : " (" + replica.replicaStatusDescription() + ")"));
    }
    return reasons;
  }
}
