package io.codelibra.lifeline.recovery.api;

import io.codelibra.lifeline.recovery.runbook.Runbook;
import io.codelibra.lifeline.recovery.runbook.RunbookStep;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A runbook as the API lists it. */
public record RunbookView(String id, String title, int tier, String description, String target, long rtoMs, long rpoMs,
    Map<String, String> parameters, List<String> triggers, List<Step> steps, String version) {

  /** A step: its action, timeout, retries and what happens when it fails. */
  public record Step(String name, String action, String timeout, int attempts, String onFailure, String verification,
      String rollback) {
  }

  static RunbookView of(Runbook runbook) {
    return new RunbookView(runbook.id(), runbook.title(), runbook.tier(), runbook.description(), runbook.target(),
        runbook.objectives().rto().toMillis(), runbook.objectives().rpo().toMillis(), runbook.parameters(),
        runbook.triggers().stream().map(trigger -> trigger.scheduled() ? "schedule " + trigger.schedule() + " " + trigger.zone()
            : trigger.event() + " " + trigger.match()).toList(),
        runbook.steps().stream().map(RunbookView::step).toList(), runbook.version());
  }

  private static Step step(RunbookStep step) {
    return new Step(step.name(), step.action(), step.timeout().toString(), step.retries().attempts(),
        step.onFailure().name().toLowerCase(Locale.ROOT),
        step.verification() == null ? null : step.verification().action(),
        step.rollback() == null ? null : step.rollback().action());
  }
}
