package io.codelibra.lifeline.recovery.schedule;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.BackupVerified;
import io.codelibra.lifeline.recovery.RecoveryProperties;
import io.codelibra.lifeline.recovery.backup.BackupVerifier;
import io.codelibra.lifeline.recovery.run.RunCoordinator;
import io.codelibra.lifeline.recovery.run.RunRequest;
import io.codelibra.lifeline.recovery.runbook.Objectives;
import io.codelibra.lifeline.recovery.runbook.Runbook;
import io.codelibra.lifeline.recovery.runbook.RunbookCatalog;
import io.codelibra.lifeline.recovery.runbook.RunbookTrigger;
import io.codelibra.lifeline.recovery.runbook.TemplateText;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Runbooks with a {@code schedule} trigger, and the backup verification drill (weekly by default). */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ScheduleConfiguration.class);
  private static final Actor SCHEDULER = new Actor(ActorType.system, "recovery-service/schedule", null);

  @Bean(destroyMethod = "shutdown")
  ThreadPoolTaskScheduler recoveryScheduler() {
    ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("recovery-schedule-");
    scheduler.setPoolSize(1);
    scheduler.initialize();
    return scheduler;
  }

  @Bean
  ScheduledWork scheduledWork(ThreadPoolTaskScheduler recoveryScheduler, RunbookCatalog catalog, RunCoordinator coordinator,
      BackupVerifier verifier, AcknowledgedPublisher recoveryPublisher, RecoveryProperties properties, Clock clock) {
    List<ScheduledWork.Job> jobs = new ArrayList<>();
    for (Runbook runbook : catalog.all()) {
      for (RunbookTrigger trigger : runbook.triggers()) {
        if (trigger.scheduled()) {
          jobs.add(new ScheduledWork.Job("runbook " + runbook.id(), trigger.schedule(), ZoneId.of(trigger.zone()),
              () -> startScheduled(runbook, coordinator, clock)));
        }
      }
    }
    RecoveryProperties.BackupVerification backups = properties.backupVerification();
    if (backups.enabled() && !backups.databases().isEmpty()) {
      jobs.add(new ScheduledWork.Job("backup verification", backups.schedule(), ZoneId.of(backups.zone()),
          () -> verifyBackups(verifier, recoveryPublisher, backups)));
    }
    jobs.forEach(job -> log.info("scheduled {}: '{}' ({})", job.name(), job.cron(), job.zone()));
    return new ScheduledWork(recoveryScheduler, jobs);
  }

  private static void startScheduled(Runbook runbook, RunCoordinator coordinator, Clock clock) {
    Instant now = clock.instant();
    Map<String, String> parameters = new LinkedHashMap<>(runbook.parameters());
    RunCoordinator.Start started = coordinator.start(runbook, new RunRequest(runbook.id() + "-" + now.getEpochSecond(),
        target(runbook, parameters), parameters, false, null, null, null, now, SCHEDULER));
    log.info("scheduled run of {}: {}", runbook.id(), started);
  }

  static void verifyBackups(BackupVerifier verifier, AcknowledgedPublisher publisher, RecoveryProperties.BackupVerification backups) {
    for (RecoveryProperties.Database database : backups.databases()) {
      BackupVerified verified = verifier.verify(new BackupVerifier.Target(database.region(), database.dbInstance(),
          database.kind(), database.restoreTimeout(), new Objectives(database.rto(), database.rpo())));
      publisher.publish(Topics.RECOVERY_RUNS.name(), verified.getRunId(), verified);
      log.info("backup {} of {}: verified {}, snapshot age {} ms, restore {} ms, objectives {}", verified.getBackupId(),
          database.dbInstance(), verified.getVerified(), verified.getSnapshotAgeMs(), verified.getRestoreDurationMs(),
          verified.getObjectivesMet() ? "met" : "missed");
    }
  }

  /** The runbook's target with its default parameters filled in. */
  public static String target(Runbook runbook, Map<String, String> parameters) {
    Map<String, String> values = new LinkedHashMap<>();
    parameters.forEach((name, value) -> values.put("params." + name, value));
    return TemplateText.fill(runbook.target(), values, reference -> "");
  }
}
