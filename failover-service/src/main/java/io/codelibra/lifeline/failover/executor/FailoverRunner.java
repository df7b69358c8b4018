package io.codelibra.lifeline.failover.executor;

import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.events.TimedStep;
import io.codelibra.lifeline.failover.database.DatabaseFailover;
import io.codelibra.lifeline.failover.database.DatabaseReadiness;
import io.codelibra.lifeline.failover.database.PromotionResult;
import io.codelibra.lifeline.failover.database.ReadinessCheck;
import io.codelibra.lifeline.failover.region.PairEvents;
import io.codelibra.lifeline.failover.routing.ExecutedStep;
import io.codelibra.lifeline.failover.routing.FailoverStepException;
import io.codelibra.lifeline.failover.routing.RoutingChange;
import io.codelibra.lifeline.failover.routing.RoutingState;
import io.codelibra.lifeline.failover.routing.TrafficRouter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Executes one accepted {@code FailoverRequested} and reports it as {@code FailoverCompleted}, every step timed:
 * <ol>
 *   <li>{@code verify-target-healthy}: the region traffic moves to answers its health checks now;</li>
 *   <li>{@code check-data-readiness} (failover only): replicas in the target region are replicating;</li>
 *   <li>{@code promote-database}: the target region's database becomes the writer (before traffic arrives);</li>
 *   <li>{@code flip-routing}: traffic moves (Route 53, ARC or the local entry point), read back;</li>
 *   <li>{@code verify-traffic}: the public entry point is served by the target region.</li>
 * </ol>
 * Nothing changes before the first two steps passed. A dry run performs the read-only steps and reports the others as
 * skipped. A failed traffic verification after a verified flip is a partial success: traffic did move.
 */
public final class FailoverRunner {

  private final TargetHealth targetHealth;
  private final List<ReadinessCheck> readiness;
  private final DatabaseFailovers databases;
  private final TrafficRouter router;
  private final TrafficVerification verification;
  private final Clock clock;
  private final Supplier<UUID> ids;

  /** @param verification null when no public entry point is configured to verify (the step is then skipped) */
  public FailoverRunner(TargetHealth targetHealth, DatabaseFailovers databases, TrafficRouter router,
      TrafficVerification verification, Clock clock, Supplier<UUID> ids) {
    this.targetHealth = targetHealth;
    this.databases = databases;
    // The database to promote must itself be ready, besides the other replication checks.
    this.readiness = Stream.concat(databases.readiness().stream(), Stream.ofNullable(databases.failover())).toList();
    this.router = router;
    this.verification = verification;
    this.clock = clock;
    this.ids = ids;
  }

  public FailoverCompleted run(FailoverRequested request) {
    Instant started = clock.instant();
    RunSteps steps = new RunSteps(clock);
    String to = request.getToRegion();
    boolean failover = request.getDirection() == FailoverDirection.failover;
    DatabaseFailover database = failover ? databases.failover() : databases.failback();
    RunOutcome outcome = RunOutcome.succeeded;
    String active = to;
    String error = null;
    boolean flipped = false;
    try {
      steps.run("verify-target-healthy", () -> targetHealth.verify(to), detail -> detail, detail -> List.of());
      if (failover) {
        checkReadiness(steps);
      } else {
        steps.skipped("check-data-readiness", "failback: the primary's data is restored by the recovery runbook");
      }
      if (request.getDryRun()) {
        RoutingState routing = steps.run("read-routing", router::current, state -> "traffic on " + state.activeRegion()
            + " (" + state.observed() + ")", state -> List.of());
        steps.skipped("promote-database", "dry run: would " + (database == null ? "not move a database" : "promote the database in " + to));
        steps.skipped("flip-routing", "dry run: would route traffic from " + routing.activeRegion() + " to " + to);
        steps.skipped("verify-traffic", "dry run: would verify the entry point is served by " + to);
        active = routing.activeRegion();
      } else {
        promote(steps, database, failover, to);
        steps.run("flip-routing", () -> router.routeTo(to), change -> routingDetail(change), RoutingChange::steps);
        flipped = true;
        if (verification == null) {
          steps.skipped("verify-traffic", "no public entry point configured to verify (lifeline.failover.verification.url)");
        } else {
          steps.run("verify-traffic", () -> verification.verifyServedBy(to), detail -> detail, detail -> List.of());
        }
      }
    } catch (FailoverStepException e) {
      error = e.getMessage();
      outcome = flipped ? RunOutcome.partially_succeeded : RunOutcome.failed;
      active = flipped ? to : currentRegionOr(request.getFromRegion());
    }
    Instant ended = clock.instant();
    return FailoverCompleted.newBuilder()
        .setEventId(ids.get()).setOccurredAt(ended).setSource(PairEvents.SOURCE).setRegionPair(request.getRegionPair())
        .setFailoverId(request.getFailoverId()).setDirection(request.getDirection()).setFromRegion(request.getFromRegion())
        .setToRegion(to).setTrigger(request.getTrigger()).setEpoch(request.getEpoch()).setOutcome(outcome)
        .setDryRun(request.getDryRun()).setActiveRegion(active).setSteps(steps.all().stream().map(FailoverRunner::timed).toList())
        .setRequestedAt(request.getOccurredAt()).setStartedAt(started).setDurationMs(Duration.between(started, ended).toMillis())
        .setDetectedAt(request.getDetectedAt()).setError(error).setIncidentId(request.getIncidentId()).build();
  }

  private void checkReadiness(RunSteps steps) {
    if (readiness.isEmpty()) {
      steps.skipped("check-data-readiness", "no data readiness check configured");
      return;
    }
    DatabaseReadiness ready = steps.run("check-data-readiness",
        () -> DatabaseReadiness.allOf(readiness.stream().map(ReadinessCheck::check).toList()),
        result -> result.ready() ? "ready" : "not ready: " + String.join("; ", result.reasons()), DatabaseReadiness::steps);
    if (!ready.ready()) {
      throw steps.fail("the secondary's data is not ready: " + String.join("; ", ready.reasons()));
    }
  }

  private static void promote(RunSteps steps, DatabaseFailover database, boolean failover, String to) {
    if (database == null) {
      steps.skipped("promote-database", failover ? "no database failover configured"
          : "failback: the database is moved back by the recovery runbook (re-create the replica in " + to + ", then promote)");
      return;
    }
    steps.run("promote-database", database::promote, result -> result.database() + (result.changed() ? " promoted" : " already writable")
        + " (" + result.verified() + ")", PromotionResult::steps);
  }

  private static String routingDetail(RoutingChange change) {
    return change.changed() ? "traffic moved from " + change.fromRegion() + " to " + change.toRegion() + "; read back: "
        + change.verified().observed() : "traffic was already on " + change.toRegion();
  }

  private String currentRegionOr(String fallback) {
    try {
      return router.current().activeRegion();
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  static TimedStep timed(ExecutedStep step) {
    return TimedStep.newBuilder().setName(step.name()).setStartedAt(step.startedAt()).setEndedAt(step.endedAt())
        .setOutcome(StepOutcome.valueOf(step.outcome().name().toLowerCase(Locale.ROOT))).setDetail(step.detail()).build();
  }
}
