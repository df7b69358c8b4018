package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.events.TimedStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The during-drill checklist items, read from what the failover run reported: the run itself, each step's time,
 * the issues met, the data (readiness and promotion steps) and the application (traffic verification step).
 */
final class DuringDrillReview {

  private DuringDrillReview() {
  }

  static void record(DrillJournal journal, FailoverObservation failover) {
    FailoverCompleted completed = failover.completed();
    journal.check(ChecklistItem.EXECUTE_FAILOVER, executed(failover), describe(failover));
    if (completed == null) {
      String missing = "no FailoverCompleted: " + failover.error();
      journal.check(ChecklistItem.DOCUMENT_STEP_TIMES, StepOutcome.failed, missing);
      journal.check(ChecklistItem.NOTE_ISSUES, StepOutcome.failed, failover.error());
      journal.check(ChecklistItem.VERIFY_DATA_INTEGRITY, StepOutcome.failed, missing);
      journal.check(ChecklistItem.TEST_APPLICATION, StepOutcome.failed, missing);
      return;
    }
    journal.check(ChecklistItem.DOCUMENT_STEP_TIMES, StepOutcome.succeeded, completed.getSteps().stream()
        .map(step -> step.getName() + " " + DrillTimings.stepMillis(step) + " ms (" + step.getOutcome() + ")")
        .collect(Collectors.joining(", ")) + "; run " + completed.getDurationMs() + " ms");
    List<String> issues = issues(failover);
    journal.check(ChecklistItem.NOTE_ISSUES, issues.isEmpty() ? StepOutcome.succeeded : StepOutcome.failed,
        issues.isEmpty() ? "none" : String.join("; ", issues));
    List<TimedStep> data = completed.getSteps().stream()
        .filter(step -> List.of("check-data-readiness", "promote-database").contains(step.getName().toString())).toList();
    journal.check(ChecklistItem.VERIFY_DATA_INTEGRITY, combined(data), describe(data));
    List<TimedStep> traffic = step(completed, "verify-traffic").stream().toList();
    journal.check(ChecklistItem.TEST_APPLICATION, combined(traffic), describe(traffic));
  }

  private static StepOutcome executed(FailoverObservation failover) {
    return failover.completed() != null && failover.completed().getOutcome() == RunOutcome.succeeded ? StepOutcome.succeeded
        : StepOutcome.failed;
  }

  private static String describe(FailoverObservation failover) {
    if (failover.request() == null) {
      return failover.error();
    }
    String request = failover.request().getDirection() + " " + failover.request().getFailoverId() + " "
        + failover.request().getFromRegion() + " -> " + failover.request().getToRegion() + " (" + failover.request().getTrigger()
        + ", epoch " + failover.request().getEpoch() + (failover.request().getDryRun() ? ", dry run: read-only steps" : "") + ")";
    FailoverCompleted completed = failover.completed();
    return completed == null ? request + ": " + failover.error()
        : request + ": " + completed.getOutcome() + ", traffic on " + completed.getActiveRegion();
  }

  private static List<String> issues(FailoverObservation failover) {
    List<String> issues = new ArrayList<>();
    failover.completed().getSteps().stream()
        .filter(step -> step.getOutcome() != StepOutcome.succeeded && step.getOutcome() != StepOutcome.skipped)
        .forEach(step -> issues.add(step.getName() + " " + step.getOutcome() + (step.getDetail() == null ? "" : ": " + step.getDetail())));
    if (failover.error() != null && issues.stream().noneMatch(issue -> issue.contains(failover.error()))) {
      issues.add(failover.error());
    }
    return issues;
  }

  private static Optional<TimedStep> step(FailoverCompleted completed, String name) {
    return completed.getSteps().stream().filter(step -> step.getName().toString().equals(name)).findFirst();
  }

  /** Failed when any step did not succeed, skipped when none ran, succeeded otherwise. */
  private static StepOutcome combined(List<TimedStep> steps) {
    if (steps.stream().anyMatch(step -> step.getOutcome() != StepOutcome.succeeded && step.getOutcome() != StepOutcome.skipped)) {
      return StepOutcome.failed;
    }
    return steps.stream().anyMatch(step -> step.getOutcome() == StepOutcome.succeeded) ? StepOutcome.succeeded : StepOutcome.skipped;
  }

  private static String describe(List<TimedStep> steps) {
    return steps.isEmpty() ? "not part of this run" : steps.stream()
        .map(step -> step.getName() + ": " + (step.getDetail() == null ? step.getOutcome() : step.getDetail()))
        .collect(Collectors.joining("; "));
  }
}
