package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.MaintenancePlan;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.statuspage.component.Contribution;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState.Step;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceTransitionException;
import java.util.List;

/**
 * Maintenance windows on the page: scheduling (MaintenanceScheduled), starting (components
 * {@code under_maintenance}, MaintenanceStarted), verifying, completing or cancelling (components released,
 * MaintenanceCompleted). {@link #due} runs the automatic starts and completions from the persisted windows,
 * so a restart loses none and never runs one twice.
 */
final class MaintenanceLifecycle {

  void plan(PageWork work, MaintenancePlan plan) {
    if (!plan.getScheduledUntil().isAfter(plan.getScheduledFor())) {
      throw new IllegalArgumentException("maintenance " + plan.getMaintenanceId() + " must end after it starts");
    }
    MaintenanceState next = work.page.maintenance(plan.getMaintenanceId())
        .map(current -> current.rescheduled(plan.getTitle(), plan.getDescription(), plan.getComponentIds(), plan.getScheduledFor(),
            plan.getScheduledUntil(), plan.getAutoStart(), plan.getAutoComplete(), plan.getSuppressAlerts(), work.now))
        .orElseGet(() -> new MaintenanceState(plan.getMaintenanceId(), plan.getTitle(), plan.getDescription(),
            plan.getComponentIds(), plan.getScheduledFor(), plan.getScheduledUntil(), MaintenancePhase.scheduled, null,
            plan.getAutoStart(), plan.getAutoComplete(), plan.getSuppressAlerts(), work.now, work.now, null, null,
            List.of(new PageUpdate(work.events.newId(), MaintenancePhase.scheduled.name(),
                plan.getDescription() == null ? plan.getTitle() : plan.getDescription(), work.now, List.of()))));
    work.page.putMaintenance(next);
    work.emissions.add(work.events.maintenanceScheduled(next, work.actor, work.now));
  }

  void step(PageWork work, String maintenanceId, Step step, String note, boolean automatic) {
    MaintenanceState current = work.page.maintenance(maintenanceId)
        .orElseThrow(() -> new MaintenanceTransitionException("no maintenance " + maintenanceId));
    current.check(step);
    String reason = "scheduled maintenance: " + current.title();
    List<AffectedComponent> affected = switch (step) {
      case START -> work.contribute(current.componentIds(),
          new Contribution(ComponentStatus.under_maintenance, reason, StatusChangeCauseType.maintenance, maintenanceId));
      case COMPLETE, CANCEL -> work.withdraw(StatusChangeCauseType.maintenance, maintenanceId, reason + " " + step.name().toLowerCase());
      case VERIFY -> List.of();
    };
    MaintenanceState moved = current.apply(step, new PageUpdate(work.events.newId(), phaseAfter(step).name(),
        note != null ? note : defaultText(step, automatic), work.now, affected));
    work.page.putMaintenance(moved);
    switch (step) {
      case START -> work.emissions.add(work.events.maintenanceStarted(moved, automatic, work.actor, work.now));
      case COMPLETE, CANCEL -> work.emissions.add(work.events.maintenanceCompleted(moved, automatic, work.actor, note, work.now));
      case VERIFY -> { }
    }
  }

  /** Runs every automatic step that is due at {@code work.now}. */
  void due(PageWork work) {
    for (MaintenanceState maintenance : work.page.maintenances()) {
      Step step = maintenance.dueStep(work.now);
      if (step == Step.COMPLETE && maintenance.phase() == MaintenancePhase.scheduled) {
        // The whole window passed while the service was down: start and complete it, both recorded.
        step(work, maintenance.id(), Step.START, null, true);
      }
      if (step != null) {
        step(work, maintenance.id(), step, null, true);
      }
    }
  }

  private static MaintenancePhase phaseAfter(Step step) {
    return switch (step) {
      case START -> MaintenancePhase.in_progress;
      case VERIFY -> MaintenancePhase.verifying;
      case COMPLETE, CANCEL -> MaintenancePhase.completed;
    };
  }

  private static String defaultText(Step step, boolean automatic) {
    return switch (step) {
      case START -> automatic ? "The scheduled maintenance has begun." : "The maintenance has begun.";
      case VERIFY -> "The maintenance work is done and is being verified.";
      case COMPLETE -> "The scheduled maintenance has been completed.";
      case CANCEL -> "The scheduled maintenance has been cancelled.";
    };
  }
}
