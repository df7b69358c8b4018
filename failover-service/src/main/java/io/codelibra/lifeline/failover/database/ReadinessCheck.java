package io.codelibra.lifeline.failover.database;

/** A check that the secondary region's data is ready to take over, run before failing over. */
public interface ReadinessCheck {

  DatabaseReadiness check();
}
