package io.codelibra.lifeline.registry.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP once the schema log has been read to its end and while its reader keeps reading; part of readiness. */
public class SchemaLogHealthIndicator implements HealthIndicator {

  private final SchemaLog log;

  public SchemaLogHealthIndicator(SchemaLog log) {
    this.log = log;
  }

  @Override
  public Health health() {
    Health.Builder health = log.isReady() ? Health.up() : Health.down();
    health.withDetail("topic", log.topic()).withDetail("appliedOffset", log.appliedOffset());
    RuntimeException failure = log.readFailure();
    if (failure != null) {
      health.withDetail("error", failure.toString());
    }
    return health.build();
  }
}
