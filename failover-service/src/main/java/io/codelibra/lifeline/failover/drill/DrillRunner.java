package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.DrillCompleted;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.failover.database.ReadinessCheck;
import io.codelibra.lifeline.failover.executor.TargetHealth;
import io.codelibra.lifeline.failover.fault.FaultInjection;
import io.codelibra.lifeline.failover.health.HealthCheckDefinition;
import io.codelibra.lifeline.failover.region.PairEvents;
import io.codelibra.lifeline.failover.region.RegionPair;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one failover drill through the DR plan's checklist: pre-drill checks, the failover (live: a real fault on the
 * primary; dry run: a decision and a read-only run), the during-drill review, the rollback, the post-drill items, and
 * the report ({@code DrillCompleted}). A live drill's fault is always cleared, whatever happens.
 */
public final class DrillRunner {

  private static final Logger log = LoggerFactory.getLogger(DrillRunner.class);

  private final RegionPair pair;
  private final FaultInjection faults;
  private final FailoverEventFeed.Opener feeds;
  private final DrillPublisher publisher;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private final PreDrillChecks pre;
  private final DrillFailover failover;
  private final DrillRollback rollback;

  /** @param faults null when no fault injection is configured: live drills are then aborted before they start */
  public DrillRunner(RegionPair pair, PairRequests requests, FaultInjection faults, TargetHealth targetHealth,
      List<ReadinessCheck> readiness, List<HealthCheckDefinition> checks, FailoverEventFeed.Opener feeds,
      DrillPublisher publisher, DrillSettings settings, Clock clock, Supplier<UUID> ids) {
    this.pair = pair;
    this.faults = faults;
    this.feeds = feeds;
    this.publisher = publisher;
    this.clock = clock;
    this.ids = ids;
    this.pre = new PreDrillChecks(pair, requests, faults, targetHealth, readiness, checks, settings);
    this.failover = new DrillFailover(pair, requests, faults, settings, clock);
    this.rollback = faults == null ? null : new DrillRollback(pair, requests, faults, settings);
  }

  public boolean canRunLive() {
    return faults != null;
  }

  /** The journal an operator's manual checklist item for {@code drill} goes through. */
  public DrillJournal journal(Drill drill) {
    return new DrillJournal(drill, publisher, clock, ids);
  }

  /** Runs the drill to its end and publishes its report; a failed drill is an outcome, not an exception. */
  public DrillCompleted run(Drill drill) {
    DrillJournal journal = journal(drill);
    Instant started = clock.instant();
    journal.note(started, drill.mode().value() + " drill started by " + drill.requestedBy().getId());
    FailoverObservation observed = FailoverObservation.none();
    RunOutcome outcome;
    String error;
    try (FailoverEventFeed feed = feeds.openAtEnd()) {
      DrillObserver observer = new DrillObserver(feed);
      Optional<String> blocker = pre.run(drill, journal);
      if (blocker.isPresent()) {
        outcome = RunOutcome.aborted;
        error = blocker.get();
        journal.note(error);
      } else {
        boolean live = drill.mode() == DrillMode.LIVE;
        boolean rolledBack;
        try {
          observed = live ? failover.live(drill, journal, observer) : failover.dryRun(drill, journal, observer);
          DuringDrillReview.record(journal, observed);
          rolledBack = live ? rollback.run(drill, journal, observer, observed) : skipRollback(journal);
        } finally {
          if (live) {
            clearFaultQuietly(journal);
          }
        }
        outcome = outcome(observed, rolledBack);
        error = observed.error() != null ? observed.error() : rolledBack ? null : "the rollback to " + pair.primary() + " failed";
      }
      postDrill(drill, journal);
    } catch (RuntimeException e) {
      log.error("drill {} failed", drill.id(), e);
      outcome = RunOutcome.failed;
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      journal.note("drill failed: " + error);
    }
    DrillCompleted report = report(drill, observed, started, outcome, error);
    try {
      publisher.publish(pair.id(), report);
    } catch (RuntimeException e) {
      log.error("the report of drill {} could not be published", drill.id(), e);
    }
    drill.ended(report);
    log.info("drill {} ({}) {} in {} ms{}", drill.id(), drill.mode().value(), outcome, report.getTotalMs(),
        error == null ? "" : ": " + error);
    return report;
  }

  private static boolean skipRollback(DrillJournal journal) {
    journal.check(ChecklistItem.ROLLBACK_TO_PRIMARY, StepOutcome.skipped, "dry run: nothing was changed");
    return true;
  }

  private void clearFaultQuietly(DrillJournal journal) {
    try {
      if (faults.current(pair.primary()).active()) {
        rollback.clearFault(journal);
      }
    } catch (RuntimeException e) {
      log.error("drill could not clear the fault of {}: clear it by hand", pair.primary(), e);
      journal.note("the fault of " + pair.primary() + " could NOT be cleared: " + e.getMessage());
    }
  }

  private static RunOutcome outcome(FailoverObservation observed, boolean rolledBack) {
    if (observed.completed() == null || observed.completed().getOutcome() == RunOutcome.failed) {
      return RunOutcome.failed;
    }
    return observed.completed().getOutcome() == RunOutcome.succeeded && observed.error() == null && rolledBack
        ? RunOutcome.succeeded : RunOutcome.partially_succeeded;
  }

  private static void postDrill(Drill drill, DrillJournal journal) {
    String manual = "for the drill's participants: record it with POST /api/v1/drills/" + drill.id()
        + "/checklist (./lifeline failover check " + drill.id() + ")";
    journal.check(ChecklistItem.DOCUMENT_LESSONS, StepOutcome.skipped, manual);
    journal.check(ChecklistItem.UPDATE_PROCEDURES, StepOutcome.skipped, manual);
    journal.check(ChecklistItem.SHARE_FINDINGS, StepOutcome.succeeded, "report published as DrillCompleted on failover.events"
        + " and at GET /api/v1/drills/" + drill.id());
    journal.check(ChecklistItem.SCHEDULE_FOLLOW_UP, StepOutcome.skipped, manual);
  }

  /** The region serving at the end: the primary again after a drill that failed over and rolled back. */
  private String activeAtEnd(Drill drill, FailoverObservation observed, RunOutcome outcome) {
    if (observed.completed() == null) {
      return null;
    }
    boolean rolledBack = drill.mode() == DrillMode.LIVE && drill.rollback() && observed.trafficMoved()
        && outcome == RunOutcome.succeeded;
    return rolledBack ? pair.primary() : observed.completed().getActiveRegion().toString();
  }

  private DrillCompleted report(Drill drill, FailoverObservation observed, Instant started, RunOutcome outcome, String error) {
    Instant ended = clock.instant();
    Instant startedAt = observed.faultAt() != null ? observed.faultAt()
        : observed.requestSentAt() != null ? observed.requestSentAt() : started;
    DrillTimings timings = DrillTimings.of(startedAt, observed.faultAt(), observed.unhealthy(), observed.requestSentAt(),
        observed.request(), observed.completed(), ended);
    return DrillCompleted.newBuilder()
        .setEventId(ids.get()).setOccurredAt(ended).setSource(PairEvents.SOURCE).setRegionPair(pair.id())
        .setDrillId(drill.id()).setDryRun(drill.mode() == DrillMode.DRY_RUN).setOutcome(outcome).setStartedAt(startedAt)
        .setFailoverId(observed.request() == null ? null : observed.request().getFailoverId().toString())
        .setDetectionMs(timings.detectionMs()).setDecisionMs(timings.decisionMs()).setRoutingFlipMs(timings.routingFlipMs())
        .setDatabasePromotionMs(timings.databasePromotionMs()).setVerificationMs(timings.verificationMs())
        .setTotalMs(timings.totalMs())
        .setActiveRegion(activeAtEnd(drill, observed, outcome))
        .setError(error).setRequestedBy(drill.requestedBy()).build();
  }
}
