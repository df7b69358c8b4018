package io.codelibra.lifeline.recovery;

import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.backup.BackupVerifier;
import io.codelibra.lifeline.recovery.run.PendingApprovals;
import io.codelibra.lifeline.recovery.run.RunCoordinator;
import io.codelibra.lifeline.recovery.run.RunJournalReplay;
import io.codelibra.lifeline.recovery.run.RunLedger;
import io.codelibra.lifeline.recovery.run.RunRequest;
import io.codelibra.lifeline.recovery.run.RunbookExecution;
import io.codelibra.lifeline.recovery.runbook.RunbookCatalog;
import io.codelibra.lifeline.recovery.trigger.EventTriggers;
import io.codelibra.lifeline.recovery.trigger.TriggeredRun;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

/**
 * Wires runs: their events on {@code recovery.runs} (appended before a run moves on, and applied to the ledger), the
 * ledger rebuilt from the topic before anything starts, the resumption of unfinished runs, and the trigger consumer
 * ({@code startRunbooks}, group {@code recovery-service.triggers}) that starts the runbooks events ask for.
 */
@Configuration(proxyBeanMethods = false)
public class RunsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RunsConfiguration.class);

  @Bean
  RunLedger runLedger() {
    return new RunLedger();
  }

  @Bean
  PendingApprovals pendingApprovals() {
    return new PendingApprovals();
  }

  @Bean
  AcknowledgedPublisher recoveryPublisher(KafkaTemplate<String, SpecificRecord> kafka, RecoveryProperties properties) {
    return new AcknowledgedPublisher(kafka, properties.publishAckTimeout());
  }

  @Bean
  RunbookExecution runbookExecution(Map<String, RecoveryAction> recoveryActions, AcknowledgedPublisher recoveryPublisher,
      RunLedger ledger, PendingApprovals approvals, Clock clock) {
    return new RunbookExecution(recoveryActions, (runId, event) -> {
      recoveryPublisher.publish(Topics.RECOVERY_RUNS.name(), runId, event);
      ledger.apply(event);
    }, approvals, clock, UUID::randomUUID);
  }

  @Bean(destroyMethod = "close")
  RunCoordinator runCoordinator(RunbookCatalog catalog, RunbookExecution execution, RunLedger ledger, Clock clock,
      MeterRegistry meters) {
    return new RunCoordinator(catalog, execution, ledger, clock, meters);
  }

  @Bean
  BackupVerifier backupVerifier(Map<String, RecoveryAction> recoveryActions, Clock clock) {
    return new BackupVerifier(recoveryActions, clock, UUID::randomUUID);
  }

  /** Before the bindings start (a lower phase): the ledger is rebuilt, then unfinished runs resume. */
  @Bean
  SmartLifecycle runResumption(ConsumerFactory<String, SpecificRecord> consumers, RunLedger ledger, RunCoordinator coordinator) {
    Properties overrides = new Properties();
    overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    RunJournalReplay replay = new RunJournalReplay(() -> consumers.createConsumer(null, "recovery-replay", null, overrides), ledger);
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        replay.replay();
        coordinator.resumeUnfinished();
        running = true;
      }

      @Override
      public void stop() {
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return 0;
      }
    };
  }

  /** Bound to failover.requests and incidents: starts each runbook the event triggers (never for a dry run). */
  @Bean
  Consumer<Message<SpecificRecord>> startRunbooks(RunbookCatalog catalog, RunCoordinator coordinator) {
    EventTriggers triggers = new EventTriggers(catalog);
    return message -> {
      for (TriggeredRun run : triggers.runsFor(message.getPayload())) {
        RunCoordinator.Start started = coordinator.start(run.runbook(), new RunRequest(run.runId(), run.target(),
            run.parameters(), false, run.triggerEventId(), run.triggerEventType(), run.incidentId(), run.outageStartedAt(),
            RunbookActors.SYSTEM));
        log.info("{} {} -> runbook {} ({}): {}", run.triggerEventType(), run.triggerEventId(), run.runbook().id(), run.target(),
            started);
      }
    };
  }
}
