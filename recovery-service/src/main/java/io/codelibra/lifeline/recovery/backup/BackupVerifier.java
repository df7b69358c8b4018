package io.codelibra.lifeline.recovery.backup;

import io.codelibra.lifeline.events.BackupKind;
import io.codelibra.lifeline.events.BackupVerified;
import io.codelibra.lifeline.events.RecoveryObjectives;
import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.runbook.Objectives;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A backup verification drill, as the DR plan's testing schedule asks ("Backup restoration, weekly"): restore the
 * latest snapshot of a database into a scratch instance, verify it answers with data, measure the restore time (the
 * data store's RTO) and the snapshot's age (the RPO), delete the scratch instance, and report it all as
 * {@code BackupVerified}. It uses the same {@code rds.*} actions as the runbooks, so it works on AWS and locally.
 */
public final class BackupVerifier {

  private final Map<String, RecoveryAction> actions;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public BackupVerifier(Map<String, RecoveryAction> actions, Clock clock, Supplier<UUID> ids) {
    this.actions = Map.copyOf(actions);
    this.clock = clock;
    this.ids = ids;
  }

  /** What to verify: the database, its region, the kind of its snapshots, how long a restore may take, the objectives. */
  public record Target(String region, String dbInstance, BackupKind kind, Duration restoreTimeout, Objectives objectives) {
  }

  public BackupVerified verify(Target target) {
    String runId = "backup-verification-" + UUID.randomUUID();
    Instant started = clock.instant();
    String scratch = scratchName(target.dbInstance(), started);
    Map<String, String> details = new LinkedHashMap<>();
    String snapshotId = null;
    Instant snapshotTime = null;
    long restoreMs = 0;
    boolean verified = false;
    boolean cleanedUp = false;
    String error = null;
    try {
      ActionResult latest = call("rds.latest-snapshot", runId, "latest", Map.of("region", target.region(),
          "db-instance", target.dbInstance()), Duration.ofMinutes(2));
      snapshotId = latest.outputs().get("snapshot-id");
      snapshotTime = Instant.parse(latest.outputs().get("snapshot-time"));
      Instant restoreStarted = clock.instant();
      ActionResult restored = call("rds.restore-db-instance-from-snapshot", runId, "restore", Map.of("region", target.region(),
          "snapshot-id", snapshotId, "db-instance", scratch), target.restoreTimeout());
      restoreMs = Duration.between(restoreStarted, clock.instant()).toMillis();
      details.put("endpoint", restored.outputs().getOrDefault("endpoint", ""));
      String rows = restored.outputs().get("row-count");
      if (rows != null) {
        details.put("restoredRowCount", rows);
      }
      verified = restored.outputs().containsKey("endpoint") && (rows == null || Long.parseLong(rows) > 0);
      if (!verified) {
        error = "the restored database " + scratch + " holds no rows";
      }
    } catch (ActionFailedException | IllegalArgumentException | NullPointerException e) {
      error = e.getMessage();
    } finally {
      try {
        call("rds.delete-db-instance", runId, "clean-up", Map.of("region", target.region(), "db-instance", scratch),
            target.restoreTimeout());
        cleanedUp = true;
      } catch (ActionFailedException e) {
        error = (error == null ? "" : error + "; ") + "clean-up failed: " + e.getMessage();
      }
    }
    long ageMs = snapshotTime == null ? 0 : Math.max(0, Duration.between(snapshotTime, started).toMillis());
    Objectives objectives = target.objectives();
    boolean met = verified && restoreMs <= objectives.rto().toMillis() && ageMs <= objectives.rpo().toMillis();
    return BackupVerified.newBuilder()
        .setEventId(ids.get()).setOccurredAt(clock.instant()).setSource("recovery-service")
        .setBackupId(snapshotId == null ? "none" : snapshotId).setRunId(runId).setKind(target.kind())
        .setRegion(target.region()).setSourceResource(target.dbInstance())
        .setSnapshotTime(snapshotTime == null ? started : snapshotTime).setSnapshotAgeMs(ageMs).setRestoreDurationMs(restoreMs)
        .setVerified(verified).setObjectives(new RecoveryObjectives(objectives.rto().toMillis(), objectives.rpo().toMillis()))
        .setObjectivesMet(met).setScratchTarget(scratch).setCleanedUp(cleanedUp).setDetails(details).setError(error).build();
  }

  private ActionResult call(String action, String runId, String step, Map<String, String> parameters, Duration timeout) {
    RecoveryAction adapter = actions.get(action);
    if (adapter == null) {
      throw new ActionFailedException("no adapter for " + action, false);
    }
    return adapter.execute(new ActionCall(runId, step, runId + "/" + step, parameters, timeout));
  }

  /** A valid RDS identifier (63 characters at most) that says what it is and when it was made. */
  static String scratchName(String instance, Instant at) {
    String suffix = "-verify-" + at.getEpochSecond();
    String head = instance.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    return head.substring(0, Math.min(head.length(), 63 - suffix.length())) + suffix;
  }
}
