package io.codelibra.lifeline.failover.api;

import io.codelibra.lifeline.events.DrillCompleted;
import io.codelibra.lifeline.failover.drill.Drill;
import java.time.Instant;
import java.util.List;

/** A drill as the API shows it: {@code status} is {@code running} until the report, then the report's outcome. */
public record DrillView(String drillId, String regionPair, String mode, String status, String reason, String requestedBy,
    boolean rollback, Instant requestedAt, Instant startedAt, Instant endedAt, List<Drill.ChecklistEntry> checklist,
    List<Drill.TimelineEntry> timeline, Report report) {

  /** The drill's report: the time of each phase, in milliseconds (null when the phase did not happen). */
  public record Report(String outcome, String failoverId, Long detectionMs, Long decisionMs, Long routingFlipMs,
      Long databasePromotionMs, Long verificationMs, long totalMs, String activeRegion, String error) {

    static Report of(DrillCompleted completed) {
      return new Report(completed.getOutcome().name(), text(completed.getFailoverId()), completed.getDetectionMs(),
          completed.getDecisionMs(), completed.getRoutingFlipMs(), completed.getDatabasePromotionMs(),
          completed.getVerificationMs(), completed.getTotalMs(), text(completed.getActiveRegion()), text(completed.getError()));
    }
  }

  static DrillView of(Drill drill) {
    DrillCompleted completed = drill.report().orElse(null);
    return new DrillView(drill.id(), drill.regionPair(), drill.mode().value(),
        completed == null ? "running" : completed.getOutcome().name(), drill.reason(), drill.requestedBy().getId().toString(),
        drill.rollback(), drill.requestedAt(), completed == null ? null : completed.getStartedAt(),
        completed == null ? null : completed.getOccurredAt(), drill.checklist(), drill.timeline(),
        completed == null ? null : Report.of(completed));
  }

  private static String text(CharSequence value) {
    return value == null ? null : value.toString();
  }
}
