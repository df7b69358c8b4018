package io.codelibra.lifeline.failover.database;

/** Makes the secondary region's database the writable one. */
public interface DatabaseFailover extends ReadinessCheck {

  /** Whether the secondary's database can be promoted now (replicating, healthy, available). */
  @Override
  DatabaseReadiness check();

  /**
   * Promotes the secondary's database, waits until it is writable and reads that back. Promoting a database that is
   * already standalone changes nothing and reports {@code changed=false}.
   *
   * @throws io.codelibra.lifeline.failover.routing.FailoverStepException when a step fails; it carries the steps
   */
  PromotionResult promote();
}
