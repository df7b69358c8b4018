package io.codelibra.lifeline.recovery.run;

import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.recovery.runbook.Runbook;
import io.codelibra.lifeline.recovery.runbook.RunbookCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and resumes runs, each on a thread of its own, one run per target resource at a time. On start-up every run
 * the ledger shows unfinished is resumed; a run whose runbook changed since it started (another version) is closed as
 * aborted rather than continued with different steps.
 */
public final class RunCoordinator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RunCoordinator.class);

  private final RunbookCatalog catalog;
  private final RunbookExecution execution;
  private final RunLedger ledger;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Set<String> busyTargets = ConcurrentHashMap.newKeySet();
  private final ExecutorService runs = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("recovery-run-", 0).factory());

  public RunCoordinator(RunbookCatalog catalog, RunbookExecution execution, RunLedger ledger, Clock clock, MeterRegistry meters) {
    this.catalog = catalog;
    this.execution = execution;
    this.ledger = ledger;
    this.clock = clock;
    this.meters = meters;
  }

  /** What happened to a request to start a run. */
  public enum Start { STARTED, ALREADY_STARTED, TARGET_BUSY }

  /**
   * Starts the run in the background unless a run with its id exists (a redelivered trigger) or another run holds its
   * target.
   */
  public Start start(Runbook runbook, RunRequest request) {
    if (ledger.find(request.runId()).isPresent()) {
      return Start.ALREADY_STARTED;
    }
    if (!busyTargets.add(request.target())) {
      log.warn("run {} of {} not started: another run holds {}", request.runId(), runbook.id(), request.target());
      meters.counter("lifeline.recovery.runs.refused", "runbook", runbook.id(), "reason", "target_busy").increment();
      return Start.TARGET_BUSY;
    }
    runs.submit(() -> guarded(request.target(), request.runId(), () -> execution.start(runbook, request)));
    return Start.STARTED;
  }

  /** A dry run, synchronously: its plan is the answer. */
  public RunRecord plan(Runbook runbook, RunRequest request) throws InterruptedException {
    return execution.start(runbook, request);
  }

  /** Resumes every unfinished run of the ledger. */
  public void resumeUnfinished() {
    for (RunRecord run : ledger.unfinished()) {
      String target = run.started().getTargetResource();
      Optional<Runbook> runbook = catalog.find(run.started().getRunbookId());
      if (!busyTargets.add(target)) {
        log.warn("run {} not resumed: {} is held by another run", run.runId(), target);
        continue;
      }
      if (runbook.isEmpty() || !runbook.get().version().equals(run.started().getRunbookVersion())) {
        log.error("run {} cannot resume: runbook {} is {} since it started", run.runId(), run.started().getRunbookId(),
            runbook.isEmpty() ? "gone" : "changed (" + run.started().getRunbookVersion() + " -> " + runbook.get().version() + ")");
        runs.submit(() -> guarded(target, run.runId(), () -> execution.abandon(run, "runbook " + run.started().getRunbookId()
            + (runbook.isEmpty() ? " no longer exists" : " changed since the run started") + ": resume refused")));
        continue;
      }
      log.info("resuming run {} of {} at step {} of {}", run.runId(), runbook.get().id(), run.nextStep() + 1,
          run.started().getPlannedSteps().size());
      runs.submit(() -> guarded(target, run.runId(), () -> execution.resume(runbook.get(), run)));
    }
  }

  public boolean busy(String target) {
    return busyTargets.contains(target);
  }

  private void guarded(String target, String runId, Work work) {
    try {
      RunRecord done = work.run();
      RecoveryCompleted completed = done.completed();
      Timer.builder("lifeline.recovery.run.duration").description("Runbook runs, start to completion")
          .tag("runbook", completed.getRunbookId()).tag("outcome", completed.getOutcome().name())
          .tag("dry_run", Boolean.toString(completed.getDryRun())).register(meters)
          .record(Duration.ofMillis(completed.getDurationMs()));
      meters.counter("lifeline.recovery.runs.objectives", "runbook", completed.getRunbookId(),
          "met", Boolean.toString(completed.getObjectivesMet())).increment();
      log.info("run {} {} in {} ms (RTO {} ms, RPO {} ms, objectives {})", runId, completed.getOutcome(),
          completed.getDurationMs(), completed.getRtoAchievedMs(), completed.getRpoAchievedMs(),
          completed.getObjectivesMet() ? "met" : completed.getOutcome() == RunOutcome.succeeded ? "missed" : "not met");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("run {} interrupted at {}: it resumes at its first unrecorded step when the service starts again", runId,
          clock.instant());
    } catch (RuntimeException e) {
      log.error("run {} stopped without completing: it resumes when the service starts again", runId, e);
    } finally {
      busyTargets.remove(target);
    }
  }

  @Override
  public void close() throws InterruptedException {
    runs.shutdownNow();
    runs.awaitTermination(10, TimeUnit.SECONDS);
  }

  @FunctionalInterface
  private interface Work {
    RunRecord run() throws InterruptedException;
  }
}
