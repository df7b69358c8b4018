package io.codelibra.lifeline.recovery;

import io.codelibra.lifeline.events.BackupKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * recovery-service's settings ({@code lifeline.recovery.*}): extra runbook files, this environment's parameter
 * defaults per runbook ({@code runbook-parameters.<runbook>.<parameter>}), the action adapters' mode, the local
 * file-based databases, how long a run's event may wait for the broker, and the scheduled backup verification.
 */
@ConfigurationProperties("lifeline.recovery")
public record RecoveryProperties(
    Path runbooksDirectory,
    @DefaultValue Map<String, Map<String, String>> runbookParameters,
    @DefaultValue Actions actions,
    @DefaultValue Local local,
    @DefaultValue("10s") Duration publishAckTimeout,
    @DefaultValue BackupVerification backupVerification) {

  /** {@code mode}: {@code local} (the embedded stack's files) or {@code aws} (AWS SDK v2 adapters). */
  public record Actions(@DefaultValue("local") String mode) {
  }

  /** The local databases: their root directory, data file name, and instances kept elsewhere (the demo regions'). */
  public record Local(Path dataDirectory, @DefaultValue("orders.jsonl") String dataFile, @DefaultValue List<MappedInstance> instances) {
  }

  /** A local instance whose data lives in {@code directory}, e.g. the demo region's own directory. */
  public record MappedInstance(String region, String instance, Path directory) {
  }

  /** The DR plan's "Backup restoration, weekly": a cron in {@code zone}, and the databases to verify. */
  public record BackupVerification(@DefaultValue("true") boolean enabled, @DefaultValue("0 0 4 * * MON") String schedule,
      @DefaultValue("UTC") String zone, @DefaultValue List<Database> databases) {
  }

  /** A database whose latest snapshot is verified, with its objectives (the DR plan's by default). */
  public record Database(String region, String dbInstance, @DefaultValue("rds_snapshot") BackupKind kind,
      @DefaultValue("1h") Duration restoreTimeout, @DefaultValue("4h") Duration rto, @DefaultValue("1h") Duration rpo) {
  }
}
