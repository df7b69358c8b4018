package io.codelibra.lifeline.recovery.api;

import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import io.codelibra.lifeline.recovery.run.PendingApprovals;
import io.codelibra.lifeline.recovery.run.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as the API shows it: {@code status} is {@code running}, {@code waiting-for-approval}, or the outcome once
 * completed; the steps finished so far; and the figures (RTO/RPO achieved against the objectives) at the end.
 */
public record RunView(String runId, String runbookId, String title, int tier, String target, boolean dryRun, String status,
    Instant startedAt, String startedBy, String incidentId, List<String> plannedSteps, List<Step> steps, Approval waitingFor,
    Result result) {

  /** A finished step; {@code plan} for a dry run's steps. */
  public record Step(String name, String action, String outcome, int attempts, Instant startedAt, Instant endedAt,
      long durationMs, Map<String, String> outputs, String error, String approvedBy) {
  }

  /** The manual gate the run waits at. */
  public record Approval(String step, String prompt) {
  }

  /** How the run ended. */
  public record Result(String outcome, long durationMs, long rtoAchievedMs, Long rpoAchievedMs, long rtoObjectiveMs,
      long rpoObjectiveMs, boolean objectivesMet, String failedStep, String error) {
  }

  static RunView of(RunRecord run, Optional<PendingApprovals.Gate> gate) {
    RecoveryStarted started = run.started();
    RecoveryCompleted completed = run.completed();
    String status = completed != null ? completed.getOutcome().name() : gate.isPresent() ? "waiting-for-approval" : "running";
    return new RunView(run.runId(), started.getRunbookId(), started.getTitle(), started.getTier(), started.getTargetResource(),
        started.getDryRun(), status, started.getOccurredAt(), started.getStartedBy().getId(), started.getIncidentId(),
        started.getPlannedSteps(), run.steps().stream().map(RunView::step).toList(),
        gate.map(waiting -> new Approval(waiting.stepName(), waiting.prompt())).orElse(null),
        completed == null ? null : new Result(completed.getOutcome().name(), completed.getDurationMs(),
            completed.getRtoAchievedMs(), completed.getRpoAchievedMs(), completed.getObjectives().getRtoMs(),
            completed.getObjectives().getRpoMs(), completed.getObjectivesMet(), completed.getFailedStep(), completed.getError()));
  }

  private static Step step(RecoveryStepCompleted step) {
    return new Step(step.getStepName(), step.getAction(), step.getOutcome().name(), step.getAttempts(), step.getStartedAt(),
        step.getEndedAt(), step.getDurationMs(), step.getOutputs(), step.getError(),
        step.getApprovedBy() == null ? null : step.getApprovedBy().getId());
  }
}
