package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.DrillCompleted;
import io.codelibra.lifeline.events.DrillPhase;
import io.codelibra.lifeline.events.StepOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One failover drill as it runs: what was asked, the checklist items recorded so far, a timeline of what was observed,
 * and its report once it ended. Written by the drill's thread and by operators' manual checklist items, read by the API.
 */
public final class Drill {

  private final String id;
  private final String regionPair;
  private final DrillMode mode;
  private final String reason;
  private final Actor requestedBy;
  private final boolean rollback;
  private final Instant requestedAt;
  private final List<ChecklistEntry> checklist = new ArrayList<>();
  private final List<TimelineEntry> timeline = new ArrayList<>();
  private DrillCompleted report;

  public Drill(String id, String regionPair, DrillMode mode, String reason, Actor requestedBy, boolean rollback,
      Instant requestedAt) {
    this.id = id;
    this.regionPair = regionPair;
    this.mode = mode;
    this.reason = reason;
    this.requestedBy = requestedBy;
    this.rollback = rollback;
    this.requestedAt = requestedAt;
  }

  /** A checklist item as recorded: by failover-service for the automated ones, by an operator for the manual ones. */
  public record ChecklistEntry(DrillPhase phase, String item, StepOutcome outcome, String detail, String recordedBy,
      Instant recordedAt) {
  }

  /** Something the drill did or observed, at the time it happened (event times are the events' own). */
  public record TimelineEntry(Instant at, String what) {
  }

  public String id() {
    return id;
  }

  public String regionPair() {
    return regionPair;
  }

  public DrillMode mode() {
    return mode;
  }

  public String reason() {
    return reason;
  }

  public Actor requestedBy() {
    return requestedBy;
  }

  public boolean rollback() {
    return rollback;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  synchronized void recorded(ChecklistEntry entry) {
    checklist.add(entry);
  }

  synchronized void observed(TimelineEntry entry) {
    timeline.add(entry);
  }

  synchronized void ended(DrillCompleted completed) {
    report = completed;
  }

  public synchronized List<ChecklistEntry> checklist() {
    return List.copyOf(checklist);
  }

  public synchronized List<TimelineEntry> timeline() {
    return timeline.stream().sorted(java.util.Comparator.comparing(TimelineEntry::at)).toList();
  }

  public synchronized Optional<DrillCompleted> report() {
    return Optional.ofNullable(report);
  }

  public boolean running() {
    return report().isEmpty();
  }
}
