package io.codelibra.lifeline.statuspage.maintenance;

import io.codelibra.lifeline.events.MaintenanceOutcome;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A scheduled maintenance window and its lifecycle: {@code scheduled -> in_progress -> verifying -> completed},
 * started and completed by its own times when {@code autoStart}/{@code autoComplete} are set (see
 * {@link #dueStep(Instant)}), or by an operator. Pure: the caller persists every new state.
 */
public record MaintenanceState(
    String id,
    String title,
    String description,
    List<String> componentIds,
    Instant scheduledFor,
    Instant scheduledUntil,
    MaintenancePhase phase,
    MaintenanceOutcome outcome,
    boolean autoStart,
    boolean autoComplete,
    boolean suppressAlerts,
    Instant createdAt,
    Instant updatedAt,
    Instant startedAt,
    Instant completedAt,
    List<PageUpdate> updates) {

  public MaintenanceState {
    componentIds = List.copyOf(componentIds);
    updates = List.copyOf(updates);
  }

  /** The automatic step due at {@code now}, if any: start at scheduledFor, complete at scheduledUntil. */
  public Step dueStep(Instant now) {
    if (phase == MaintenancePhase.scheduled && autoStart && !now.isBefore(scheduledFor)) {
      return now.isBefore(scheduledUntil) || !autoComplete ? Step.START : Step.COMPLETE;
    }
    if (phase.active() && autoComplete && !now.isBefore(scheduledUntil)) {
      return Step.COMPLETE;
    }
    return null;
  }

  /** The next time a step may become due; null when none will without an operator. */
  public Instant nextDueAt() {
    if (phase == MaintenancePhase.scheduled && autoStart) {
      return scheduledFor;
    }
    // A scheduled window without autoStart needs an operator's start first: nothing is due at its end.
    if (phase.active() && autoComplete) {
      return scheduledUntil;
    }
    return null;
  }

  public MaintenanceState rescheduled(String newTitle, String newDescription, List<String> newComponents, Instant from,
      Instant until, boolean newAutoStart, boolean newAutoComplete, boolean newSuppress, Instant now) {
    if (phase != MaintenancePhase.scheduled) {
      throw new MaintenanceTransitionException("maintenance " + id + " is " + phase + ": only a scheduled window can be rescheduled");
    }
    return new MaintenanceState(id, newTitle, newDescription, newComponents, from, until, phase, outcome, newAutoStart,
        newAutoComplete, newSuppress, createdAt, now, startedAt, completedAt, updates);
  }

  /** Throws {@link MaintenanceTransitionException} when the current phase does not allow {@code step}. */
  public void check(Step step) {
    switch (step) {
      case START -> require(phase == MaintenancePhase.scheduled, "start", "scheduled");
      case VERIFY -> require(phase == MaintenancePhase.in_progress, "verify", "in_progress");
      case COMPLETE -> require(phase != MaintenancePhase.completed, "complete", "scheduled, in_progress or verifying");
      case CANCEL -> require(phase != MaintenancePhase.completed, "cancel", "scheduled, in_progress or verifying");
    }
  }

  public MaintenanceState apply(Step step, PageUpdate update) {
    check(step);
    Instant now = update.createdAt();
    return switch (step) {
      case START -> moved(MaintenancePhase.in_progress, null, now, null, update);
      case VERIFY -> moved(MaintenancePhase.verifying, null, startedAt, null, update);
      case COMPLETE -> moved(MaintenancePhase.completed, MaintenanceOutcome.completed, startedAt == null ? now : startedAt, now, update);
      case CANCEL -> moved(MaintenancePhase.completed, MaintenanceOutcome.cancelled, startedAt, now, update);
    };
  }

  private void require(boolean allowed, String step, String from) {
    if (!allowed) {
      throw new MaintenanceTransitionException("cannot " + step + " maintenance " + id + ": it is " + phase + " (needs " + from + ")");
    }
  }

  private MaintenanceState moved(MaintenancePhase next, MaintenanceOutcome nextOutcome, Instant started, Instant completed,
      PageUpdate update) {
    List<PageUpdate> nextUpdates = new ArrayList<>(updates);
    nextUpdates.add(update);
    return new MaintenanceState(id, title, description, componentIds, scheduledFor, scheduledUntil, next, nextOutcome, autoStart,
        autoComplete, suppressAlerts, createdAt, update.createdAt(), started, completed, nextUpdates);
  }

  /** A lifecycle step. */
  public enum Step {
    START, VERIFY, COMPLETE, CANCEL
  }
}
