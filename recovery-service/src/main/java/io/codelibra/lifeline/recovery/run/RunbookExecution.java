package io.codelibra.lifeline.recovery.run;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryObjectives;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.events.TimedStep;
import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.runbook.Objectives;
import io.codelibra.lifeline.recovery.runbook.Runbook;
import io.codelibra.lifeline.recovery.runbook.RunbookStep;
import io.codelibra.lifeline.recovery.runbook.RunbookStep.OnFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a runbook step by step, its state only on {@code recovery.runs}: each finished step is appended (and
 * acknowledged) before the next starts, so a run resumed after a crash continues at its first step without a
 * {@code RecoveryStepCompleted} and never repeats a finished one; the step that was in flight runs again under the
 * same idempotency key ({@code <run>/<step>}), which the actions honour. Retries back off exponentially (Failsafe);
 * a failed step stops the run, is passed over ({@code continue}), or rolls back the finished steps newest first.
 * A dry run records every step as skipped with its plan and changes nothing.
 */
public final class RunbookExecution {

  static final String ROLLBACK_PREFIX = "rollback:";
  static final String SOURCE = "recovery-service";

  private final Map<String, RecoveryAction> actions;
  private final RunEvents events;
  private final Approvals approvals;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public RunbookExecution(Map<String, RecoveryAction> actions, RunEvents events, Approvals approvals, Clock clock,
      Supplier<UUID> ids) {
    this.actions = Map.copyOf(actions);
    this.events = events;
    this.approvals = approvals;
    this.clock = clock;
    this.ids = ids;
  }

  /** Records the run's start and runs it to its end. */
  public RunRecord start(Runbook runbook, RunRequest request) throws InterruptedException {
    RecoveryStarted started = RecoveryStarted.newBuilder()
        .setEventId(ids.get()).setOccurredAt(clock.instant()).setSource(SOURCE).setRunId(request.runId())
        .setRunbookId(runbook.id()).setRunbookVersion(runbook.version()).setTitle(runbook.title()).setTier(runbook.tier())
        .setObjectives(objectives(runbook)).setTargetResource(request.target()).setPlannedSteps(List.copyOf(runbook.stepNames()))
        .setParameters(Map.copyOf(request.parameters())).setDryRun(request.dryRun()).setTriggerEventId(request.triggerEventId())
        .setTriggerEventType(request.triggerEventType()).setIncidentId(request.incidentId())
        .setIncidentStartedAt(request.outageStartedAt()).setStartedBy(request.startedBy()).build();
    events.append(request.runId(), started);
    return resume(runbook, RunRecord.of(started));
  }

  /** Continues a run from its recorded state (also a finished-but-unrecorded stop or rollback). */
  public RunRecord resume(Runbook runbook, RunRecord record) throws InterruptedException {
    RunRecord current = record;
    Optional<RecoveryStepCompleted> stop = stoppingFailure(runbook, current);
    for (int index = current.nextStep(); stop.isEmpty() && index < runbook.steps().size(); index++) {
      RunbookStep step = runbook.steps().get(index);
      RecoveryStepCompleted done = runStep(current, index, step);
      events.append(current.runId(), done);
      current = current.with(done);
      if (failed(done) && step.onFailure() != OnFailure.CONTINUE) {
        stop = Optional.of(done);
      }
    }
    return finish(runbook, current, stop);
  }

  /** Closes a run that must not continue (its runbook changed or is gone) as aborted, recording why. */
  public RunRecord abandon(RunRecord run, String why) {
    RecoveryStarted started = run.started();
    Instant ended = clock.instant();
    RecoveryCompleted completed = RecoveryCompleted.newBuilder()
        .setEventId(ids.get()).setOccurredAt(ended).setSource(SOURCE).setRunId(run.runId())
        .setRunbookId(started.getRunbookId()).setTargetResource(started.getTargetResource()).setOutcome(RunOutcome.aborted)
        .setDryRun(started.getDryRun()).setSteps(run.steps().stream().map(RunbookExecution::timed).toList())
        .setStartedAt(started.getOccurredAt()).setDurationMs(Duration.between(started.getOccurredAt(), ended).toMillis())
        .setRtoAchievedMs(Duration.between(started.getIncidentStartedAt() != null ? started.getIncidentStartedAt()
            : started.getOccurredAt(), ended).toMillis())
        .setObjectives(started.getObjectives()).setObjectivesMet(false).setError(why)
        .setIncidentId(started.getIncidentId()).build();
    events.append(run.runId(), completed);
    return run.with(completed);
  }

  private RecoveryStepCompleted runStep(RunRecord run, int index, RunbookStep step) throws InterruptedException {
    Instant started = clock.instant();
    String key = run.runId() + "/" + step.name();
    StepTemplates templates = templates(run);
    if (run.started().getDryRun()) {
      String plan = step.approvalGate() ? "would wait for an approval: " + templates.resolveLeniently(step.parameters().getOrDefault("prompt", step.name()))
          : plan(step, templates);
      return stepEvent(run, index, step, key, started, StepOutcome.skipped, 0, Map.of("plan", plan), null, null);
    }
    if (step.approvalGate()) {
      return approval(run, index, step, key, started, templates);
    }
    int[] attempts = {0};
    try {
      Map<String, String> parameters = templates.resolve(step.parameters());
      RecoveryAction action = action(step.action());
      ActionCall call = new ActionCall(run.runId(), step.name(), key, parameters, step.timeout());
      ActionResult result = Failsafe.with(retries(step)).get(execution -> {
        attempts[0] = execution.getAttemptCount() + 1;
        return action.execute(call);
      });
      Map<String, String> outputs = new LinkedHashMap<>(result.outputs());
      if (result.detail() != null) {
        outputs.putIfAbsent("detail", result.detail());
      }
      if (step.verification() != null) {
        outputs.put("verification", verify(run, step, key, outputs));
      }
      return stepEvent(run, index, step, key, started, StepOutcome.succeeded, attempts[0], outputs, null, null);
    } catch (ActionFailedException | StepTemplates.UnresolvedTemplateException e) {
      interruptedCheck(e);
      return stepEvent(run, index, step, key, started, StepOutcome.failed, Math.max(1, attempts[0]), Map.of(), e.getMessage(), null);
    } catch (RuntimeException e) {
      interruptedCheck(e);
      return stepEvent(run, index, step, key, started, StepOutcome.failed, Math.max(1, attempts[0]), Map.of(),
          e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    }
  }

  private String verify(RunRecord run, RunbookStep step, String key, Map<String, String> outputs) {
    Map<String, Map<String, String>> withThisStep = new LinkedHashMap<>(run.outputs());
    withThisStep.put(step.name(), outputs);
    StepTemplates templates = StepTemplates.of(run.started().getParameters(), runFields(run), withThisStep);
    RunbookStep.Invocation verification = step.verification();
    ActionResult verified = action(verification.action()).execute(new ActionCall(run.runId(), step.name() + "/verify",
        key + "/verify", templates.resolve(verification.parameters()), verification.timeout()));
    return verified.detail() == null ? "verified" : verified.detail();
  }

  private RecoveryStepCompleted approval(RunRecord run, int index, RunbookStep step, String key, Instant started,
      StepTemplates templates) throws InterruptedException {
    String prompt = templates.resolveLeniently(step.parameters().getOrDefault("prompt", "Approve step " + step.name() + "?"));
    Optional<Approvals.Decision> decision = approvals.await(run.runId(), step.name(), prompt, step.timeout());
    if (decision.isEmpty()) {
      return stepEvent(run, index, step, key, started, StepOutcome.timed_out, 1, Map.of(),
          "no approval within " + step.timeout(), null);
    }
    Map<String, String> outputs = decision.get().comment() == null ? Map.of() : Map.of("comment", decision.get().comment());
    return decision.get().approved()
        ? stepEvent(run, index, step, key, started, StepOutcome.succeeded, 1, outputs, null, decision.get().by())
        : stepEvent(run, index, step, key, started, StepOutcome.cancelled, 1, outputs,
            "refused by " + decision.get().by().getId(), decision.get().by());
  }

  private RunRecord finish(Runbook runbook, RunRecord run, Optional<RecoveryStepCompleted> stop) throws InterruptedException {
    RunRecord current = run;
    RunOutcome outcome;
    String failedStep = stop.map(done -> done.getStepName().toString()).orElse(null);
    String error = stop.map(done -> String.valueOf(done.getError())).orElse(null);
    if (stop.isPresent() && runbook.step(failedStep).map(RunbookStep::onFailure).orElse(OnFailure.ABORT) == OnFailure.ROLLBACK) {
      current = rollback(runbook, current);
      boolean clean = current.steps().stream().filter(step -> step.getStepName().toString().startsWith(ROLLBACK_PREFIX))
          .allMatch(step -> step.getOutcome() == StepOutcome.rolled_back);
      outcome = clean ? RunOutcome.rolled_back : RunOutcome.failed;
    } else if (stop.isPresent()) {
      outcome = stop.get().getOutcome() == StepOutcome.cancelled ? RunOutcome.aborted : RunOutcome.failed;
    } else {
      outcome = current.steps().stream().anyMatch(RunbookExecution::failed) ? RunOutcome.partially_succeeded : RunOutcome.succeeded;
    }
    Instant ended = clock.instant();
    RecoveryStarted started = current.started();
    Instant outageStart = started.getIncidentStartedAt() != null ? started.getIncidentStartedAt() : started.getOccurredAt();
    RecoveryFigures figures = RecoveryFigures.of(outageStart, ended, restoredDataTime(current), outcome == RunOutcome.succeeded,
        new Objectives(Duration.ofMillis(started.getObjectives().getRtoMs()),
            Duration.ofMillis(started.getObjectives().getRpoMs())));
    RecoveryCompleted completed = RecoveryCompleted.newBuilder()
        .setEventId(ids.get()).setOccurredAt(ended).setSource(SOURCE).setRunId(current.runId())
        .setRunbookId(started.getRunbookId()).setTargetResource(started.getTargetResource()).setOutcome(outcome)
        .setDryRun(started.getDryRun()).setSteps(current.steps().stream().map(RunbookExecution::timed).toList())
        .setStartedAt(started.getOccurredAt()).setDurationMs(Duration.between(started.getOccurredAt(), ended).toMillis())
        .setRtoAchievedMs(figures.rtoMs()).setRpoAchievedMs(started.getDryRun() ? null : figures.rpoMs())
        .setObjectives(started.getObjectives()).setObjectivesMet(!started.getDryRun() && figures.objectivesMet())
        .setFailedStep(failedStep).setError(error).setIncidentId(started.getIncidentId()).build();
    events.append(current.runId(), completed);
    return current.with(completed);
  }

  /** Undoes the finished (and the failed) steps that have a rollback, newest first; each undo is recorded once. */
  private RunRecord rollback(Runbook runbook, RunRecord run) {
    RunRecord current = run;
    List<RecoveryStepCompleted> done = new ArrayList<>(run.steps().stream()
        .filter(step -> !step.getStepName().toString().startsWith(ROLLBACK_PREFIX)).toList()).reversed();
    for (RecoveryStepCompleted step : done) {
      RunbookStep definition = runbook.step(step.getStepName().toString()).orElse(null);
      String name = ROLLBACK_PREFIX + step.getStepName();
      if (definition == null || definition.rollback() == null || current.step(name).isPresent()) {
        continue;
      }
      Instant started = clock.instant();
      String key = current.runId() + "/" + name;
      RecoveryStepCompleted undone;
      try {
        RunbookStep.Invocation rollback = definition.rollback();
        ActionResult result = action(rollback.action()).execute(new ActionCall(current.runId(), name, key,
            templates(current).resolve(rollback.parameters()), rollback.timeout()));
        undone = stepEvent(current, step.getStepIndex(), name, rollback.action(), key, started, StepOutcome.rolled_back, 1,
            result.detail() == null ? Map.of() : Map.of("detail", result.detail()), null, null);
      } catch (RuntimeException e) {
        undone = stepEvent(current, step.getStepIndex(), name, definition.rollback().action(), key, started, StepOutcome.failed,
            1, Map.of(), e.getMessage(), null);
      }
      events.append(current.runId(), undone);
      current = current.with(undone);
    }
    return current;
  }

  /** A failure recorded before a crash that must stop the run (not {@code continue}). */
  private static Optional<RecoveryStepCompleted> stoppingFailure(Runbook runbook, RunRecord run) {
    return run.steps().stream().filter(RunbookExecution::failed)
        .filter(step -> !step.getStepName().toString().startsWith(ROLLBACK_PREFIX))
        .filter(step -> runbook.step(step.getStepName().toString()).map(RunbookStep::onFailure).orElse(OnFailure.ABORT)
            != OnFailure.CONTINUE)
        .findFirst();
  }

  private String plan(RunbookStep step, StepTemplates templates) {
    Map<String, String> parameters = new LinkedHashMap<>();
    step.parameters().forEach((name, template) -> parameters.put(name, templates.resolveLeniently(template)));
    String plan = action(step.action()).plan(new ActionCall("dry-run", step.name(), "dry-run/" + step.name(), parameters,
        step.timeout()));
    return step.verification() == null ? plan : plan + "; then verify with " + step.verification().action();
  }

  private RetryPolicy<ActionResult> retries(RunbookStep step) {
    RunbookStep.Retries retries = step.retries();
    RetryPolicyBuilder<ActionResult> builder = RetryPolicy.<ActionResult>builder()
        .handleIf(failure -> failure instanceof ActionFailedException failed ? failed.retryable()
            : failure instanceof RuntimeException && !(failure instanceof StepTemplates.UnresolvedTemplateException))
        .withMaxAttempts(retries.attempts())
        // A run interrupted (the service stopping) is not retried: it resumes at this step when the service is back.
        .abortIf((result, failure) -> Thread.currentThread().isInterrupted());
    if (retries.attempts() > 1) {
      builder.withBackoff(retries.backoff(), retries.maxBackoff());
    }
    return builder.build();
  }

  private RecoveryAction action(String name) {
    RecoveryAction action = actions.get(name);
    if (action == null) {
      throw new ActionFailedException("no adapter for action " + name + " in this service's configuration", false);
    }
    return action;
  }

  private StepTemplates templates(RunRecord run) {
    return StepTemplates.of(run.started().getParameters(), runFields(run), run.outputs());
  }

  private static Map<String, String> runFields(RunRecord run) {
    return Map.of("id", run.runId(), "target", run.started().getTargetResource().toString(),
        "runbook", run.started().getRunbookId().toString(), "started-at", run.started().getOccurredAt().toString());
  }

  private RecoveryStepCompleted stepEvent(RunRecord run, int index, RunbookStep step, String key, Instant started,
      StepOutcome outcome, int attempts, Map<String, String> outputs, String error, Actor approvedBy) {
    return stepEvent(run, index, step.name(), step.action(), key, started, outcome, attempts, outputs, error, approvedBy);
  }

  private RecoveryStepCompleted stepEvent(RunRecord run, int index, String name, String action, String key, Instant started,
      StepOutcome outcome, int attempts, Map<String, String> outputs, String error, Actor approvedBy) {
    Instant ended = clock.instant();
    return RecoveryStepCompleted.newBuilder()
        .setEventId(ids.get()).setOccurredAt(ended).setSource(SOURCE).setRunId(run.runId())
        .setRunbookId(run.started().getRunbookId()).setStepIndex(index).setStepName(name).setAction(action)
        .setIdempotencyKey(key).setStartedAt(started).setEndedAt(ended).setDurationMs(Duration.between(started, ended).toMillis())
        .setOutcome(outcome).setAttempts(attempts).setOutputs(Map.copyOf(outputs)).setError(error).setApprovedBy(approvedBy)
        .setIncidentId(run.started().getIncidentId()).build();
  }

  private static Instant restoredDataTime(RunRecord run) {
    Instant latest = null;
    for (Map<String, String> outputs : run.outputs().values()) {
      String time = outputs.get(RecoveryFigures.SNAPSHOT_TIME);
      if (time != null) {
        try {
          latest = Instant.parse(time);
        } catch (DateTimeParseException e) {
          // not an instant: this output does not date restored data
        }
      }
    }
    return latest;
  }

  private static boolean failed(RecoveryStepCompleted step) {
    return step.getOutcome() == StepOutcome.failed || step.getOutcome() == StepOutcome.timed_out
        || step.getOutcome() == StepOutcome.cancelled;
  }

  private static void interruptedCheck(RuntimeException e) throws InterruptedException {
    if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
      throw new InterruptedException("run interrupted: " + e.getMessage());
    }
  }

  private static RecoveryObjectives objectives(Runbook runbook) {
    return new RecoveryObjectives(runbook.objectives().rto().toMillis(), runbook.objectives().rpo().toMillis());
  }

  private static TimedStep timed(RecoveryStepCompleted step) {
    String detail = step.getError() != null ? step.getError().toString()
        : step.getOutputs().entrySet().stream().filter(entry -> List.of("plan", "detail").contains(entry.getKey().toString()))
            .map(entry -> entry.getValue().toString()).findFirst().orElse(null);
    return TimedStep.newBuilder().setName(step.getStepName()).setStartedAt(step.getStartedAt()).setEndedAt(step.getEndedAt())
        .setOutcome(step.getOutcome()).setDetail(detail).build();
  }
}
