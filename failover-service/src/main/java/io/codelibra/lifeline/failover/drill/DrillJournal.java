package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.DrillChecklistItemRecorded;
import io.codelibra.lifeline.events.DrillPhase;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.failover.region.PairEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/** Records a drill's checklist items (as {@code DrillChecklistItemRecorded} events, then on the drill) and timeline. */
public final class DrillJournal {

  private final Drill drill;
  private final DrillPublisher publisher;
  private final Clock clock;
  private final Supplier<UUID> ids;

  public DrillJournal(Drill drill, DrillPublisher publisher, Clock clock, Supplier<UUID> ids) {
    this.drill = drill;
    this.publisher = publisher;
    this.clock = clock;
    this.ids = ids;
  }

  /** An item of the DR plan's checklist, checked by failover-service itself. */
  public void check(ChecklistItem item, StepOutcome outcome, String detail) {
    record(item.phase(), item.wording(), outcome, detail, PairEvents.SYSTEM);
  }

  /** An item recorded by a person (the manual ones: lessons learned, procedures updated, follow-ups scheduled). */
  public Drill.ChecklistEntry record(DrillPhase phase, String item, StepOutcome outcome, String detail, Actor by) {
    Instant now = clock.instant();
    publisher.publish(drill.regionPair(), DrillChecklistItemRecorded.newBuilder()
        .setEventId(ids.get()).setOccurredAt(now).setSource(PairEvents.SOURCE).setRegionPair(drill.regionPair())
        .setDrillId(drill.id()).setPhase(phase).setItem(item).setOutcome(outcome).setDetail(detail).setRecordedBy(by)
        .build());
    Drill.ChecklistEntry entry = new Drill.ChecklistEntry(phase, item, outcome, detail, by.getId().toString(), now);
    drill.recorded(entry);
    return entry;
  }

  public void note(String what) {
    note(clock.instant(), what);
  }

  public void note(Instant at, String what) {
    drill.observed(new Drill.TimelineEntry(at, what));
  }
}
