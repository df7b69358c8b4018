package io.codelibra.lifeline.recovery.run;

import io.codelibra.lifeline.recovery.runbook.Objectives;
import java.time.Duration;
import java.time.Instant;

/**
 * A run's recovery time and data loss against its objectives. RTO: from the outage's start (the incident's, else the
 * run's) to the run's end, the service verified. RPO: from the restored data's point in time (the latest
 * {@code snapshot-time} output of the run's steps) to the outage's start; null when no step restored data.
 */
public record RecoveryFigures(long rtoMs, Long rpoMs, boolean objectivesMet) {

  public static final String SNAPSHOT_TIME = "snapshot-time";

  public static RecoveryFigures of(Instant outageStart, Instant recoveredAt, Instant restoredDataTime, boolean succeeded,
      Objectives objectives) {
    long rto = Math.max(0, Duration.between(outageStart, recoveredAt).toMillis());
    Long rpo = restoredDataTime == null ? null : Math.max(0, Duration.between(restoredDataTime, outageStart).toMillis());
    boolean met = succeeded && rto <= objectives.rto().toMillis() && (rpo == null || rpo <= objectives.rpo().toMillis());
    return new RecoveryFigures(rto, rpo, met);
  }
}
