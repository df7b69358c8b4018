package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.events.TimedStep;
import java.time.Duration;
import java.time.Instant;

/**
 * A drill's report figures, from the events it observed: detection (fault injected -> RegionHealthChanged unhealthy),
 * decision (unhealthy, or the drill's request -> FailoverRequested), the executor's routing flip, database promotion
 * and traffic verification steps (null when not run), and the total (drill start -> FailoverCompleted, or the end).
 */
public record DrillTimings(Long detectionMs, Long decisionMs, Long routingFlipMs, Long databasePromotionMs,
    Long verificationMs, long totalMs) {

  /**
   * @param faultAt when the fault was confirmed injected; null for a dry run
   * @param unhealthy the primary judged unhealthy; null for a dry run or when not seen
   * @param requestSentAt when the drill sent its own request; null when the failover was automatic
   */
  public static DrillTimings of(Instant startedAt, Instant faultAt, RegionHealthChanged unhealthy, Instant requestSentAt,
      FailoverRequested request, FailoverCompleted completed, Instant endedAt) {
    Long detection = faultAt == null || unhealthy == null ? null : millis(faultAt, unhealthy.getOccurredAt());
    Instant decisionStart = requestSentAt != null ? requestSentAt : unhealthy == null ? null : unhealthy.getOccurredAt();
    Long decision = decisionStart == null || request == null ? null : millis(decisionStart, request.getOccurredAt());
    long total = millis(startedAt, completed == null ? endedAt : completed.getOccurredAt());
    return new DrillTimings(detection, decision, step(completed, "flip-routing"), step(completed, "promote-database"),
        step(completed, "verify-traffic"), total);
  }

  private static Long step(FailoverCompleted completed, String name) {
    if (completed == null) {
      return null;
    }
    return completed.getSteps().stream()
        .filter(step -> step.getName().toString().equals(name) && step.getOutcome() != StepOutcome.skipped)
        .findFirst().map(step -> millis(step.getStartedAt(), step.getEndedAt())).orElse(null);
  }

  private static long millis(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toMillis());
  }

  static long stepMillis(TimedStep step) {
    return millis(step.getStartedAt(), step.getEndedAt());
  }
}
