package io.codelibra.lifeline.recovery.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.BackupKind;
import io.codelibra.lifeline.events.BackupVerified;
import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.local.LocalDatabaseStore;
import io.codelibra.lifeline.recovery.local.LocalRdsActions;
import io.codelibra.lifeline.recovery.runbook.Objectives;
import io.codelibra.lifeline.testing.time.MovableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup drill on real files: rows written, snapshot, more rows written, restore into a scratch instance. */
class BackupVerifierTest {

  @TempDir
  Path data;

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T01:00:00Z"));

  @Test
  void measuredRpoIsTheSnapshotAgeAndTheRestoreHoldsTheSnapshotsRows() throws IOException {
    Path primary = data.resolve("regions/us-east-1");
    LocalDatabaseStore store = new LocalDatabaseStore(data, Map.of("us-east-1/vibe-postgres-production", primary),
        "orders.jsonl", clock);
    Map<String, RecoveryAction> actions = new LocalRdsActions(store).actions().stream()
        .collect(Collectors.toMap(RecoveryAction::name, Function.identity()));
    rows(primary, 1, 40);
    actions.get("rds.create-db-snapshot").execute(new ActionCall("weekly", "snapshot", "weekly/snapshot",
        Map.of("region", "us-east-1", "db-instance", "vibe-postgres-production"), Duration.ofMinutes(1)));
    clock.advance(Duration.ofMinutes(25));
    rows(primary, 41, 55);

    BackupVerified verified = new BackupVerifier(actions, clock, UUID::randomUUID).verify(new BackupVerifier.Target(
        "us-east-1", "vibe-postgres-production", BackupKind.local_snapshot, Duration.ofMinutes(5),
        new Objectives(Duration.ofHours(4), Duration.ofHours(1))));

    assertThat(verified.getVerified()).as("error: %s", verified.getError()).isTrue();
    assertThat(verified.getSnapshotAgeMs()).isEqualTo(Duration.ofMinutes(25).toMillis());
    assertThat(verified.getSnapshotTime()).isEqualTo(Instant.parse("2026-11-25T01:00:00Z"));
    assertThat(verified.getDetails()).containsEntry("restoredRowCount", "40");
    assertThat(verified.getObjectivesMet()).isTrue();
    assertThat(verified.getCleanedUp()).isTrue();
    assertThat(store.instance("us-east-1", verified.getScratchTarget())).isEmpty();
    assertThat(verified.getKind()).isEqualTo(BackupKind.local_snapshot);
    assertThat(store.rowCount(store.requireInstance("us-east-1", "vibe-postgres-production"))).isEqualTo(55);
  }

  @Test
  void aSnapshotOlderThanTheRpoMissesTheObjectives() throws IOException {
    Path primary = data.resolve("regions/us-east-1");
    LocalDatabaseStore store = new LocalDatabaseStore(data, Map.of("us-east-1/db", primary), "orders.jsonl", clock);
    Map<String, RecoveryAction> actions = new LocalRdsActions(store).actions().stream()
        .collect(Collectors.toMap(RecoveryAction::name, Function.identity()));
    rows(primary, 1, 3);
    store.createSnapshot("us-east-1", "db", "nightly", "automated");
    clock.advance(Duration.ofHours(2));

    BackupVerified verified = new BackupVerifier(actions, clock, UUID::randomUUID).verify(new BackupVerifier.Target(
        "us-east-1", "db", BackupKind.local_snapshot, Duration.ofMinutes(5), new Objectives(Duration.ofHours(4), Duration.ofHours(1))));

    assertThat(verified.getVerified()).isTrue();
    assertThat(verified.getSnapshotAgeMs()).isEqualTo(Duration.ofHours(2).toMillis());
    assertThat(verified.getObjectivesMet()).isFalse();
  }

  @Test
  void noSnapshotIsAFailedVerificationNotAnException() {
    LocalDatabaseStore store = new LocalDatabaseStore(data, Map.of(), "orders.jsonl", clock);
    Map<String, RecoveryAction> actions = new LocalRdsActions(store).actions().stream()
        .collect(Collectors.toMap(RecoveryAction::name, Function.identity()));

    BackupVerified verified = new BackupVerifier(actions, clock, UUID::randomUUID).verify(new BackupVerifier.Target(
        "us-east-1", "db", BackupKind.local_snapshot, Duration.ofMinutes(5), Objectives.DR_PLAN));

    assertThat(verified.getVerified()).isFalse();
    assertThat(verified.getError()).contains("no local snapshot of db");
    assertThat(verified.getObjectivesMet()).isFalse();
  }

  private static void rows(Path directory, int from, int to) throws IOException {
    Files.createDirectories(directory);
    StringBuilder lines = new StringBuilder();
    for (int order = from; order <= to; order++) {
      lines.append("{\"order\":").append(order).append("}\n");
    }
    Files.writeString(directory.resolve("orders.jsonl"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
