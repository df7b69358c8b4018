package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.failover.database.DatabaseReadiness;
import io.codelibra.lifeline.failover.database.ReadinessCheck;
import io.codelibra.lifeline.failover.executor.TargetHealth;
import io.codelibra.lifeline.failover.fault.FaultInjection;
import io.codelibra.lifeline.failover.fault.FaultState;
import io.codelibra.lifeline.failover.health.HealthCheckDefinition;
import io.codelibra.lifeline.failover.region.PairPhase;
import io.codelibra.lifeline.failover.region.PairState;
import io.codelibra.lifeline.failover.region.RegionPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checklist's pre-drill section. A live drill only starts when the DR environment is ready (the secondary healthy,
 * its data replicating, the pair on its primary with nothing in flight, the fault switch reachable) and the primary has
 * a health check that can see the fault; otherwise the drill is aborted before anything is broken.
 */
final class PreDrillChecks {

  private final RegionPair pair;
  private final PairRequests requests;
  private final FaultInjection faults;
  private final TargetHealth targetHealth;
  private final List<ReadinessCheck> readiness;
  private final List<HealthCheckDefinition> checks;
  private final DrillSettings settings;

  PreDrillChecks(RegionPair pair, PairRequests requests, FaultInjection faults, TargetHealth targetHealth,
      List<ReadinessCheck> readiness, List<HealthCheckDefinition> checks, DrillSettings settings) {
    this.pair = pair;
    this.requests = requests;
    this.faults = faults;
    this.targetHealth = targetHealth;
    this.readiness = readiness;
    this.checks = checks;
    this.settings = settings;
  }

  /** Records the five pre-drill items; why the drill cannot go on, or empty when it can. */
  Optional<String> run(Drill drill, DrillJournal journal) {
    boolean live = drill.mode() == DrillMode.LIVE;
    journal.check(ChecklistItem.NOTIFY_STAKEHOLDERS, StepOutcome.succeeded, "drill " + drill.id() + " (" + drill.mode().value()
        + ") announced on failover.events by " + drill.requestedBy().getId() + (drill.reason() == null ? "" : ": " + drill.reason())
        + (live ? "; a live drill raises " + pair.primary() + "'s SEV1 region alarm like a real outage" : ""));
    journal.check(ChecklistItem.VERIFY_BACKUP_INTEGRITY, StepOutcome.skipped,
        "backups are verified by recovery-service's backup runbooks (BackupVerified), not by a region failover drill");
    List<String> blockers = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    confirmEnvironment(live, seen, blockers);
    journal.check(ChecklistItem.CONFIRM_DR_ENVIRONMENT, blockers.isEmpty() ? StepOutcome.succeeded : StepOutcome.failed,
        String.join("; ", blockers.isEmpty() ? seen : blockers));
    journal.check(ChecklistItem.PREPARE_RUNBOOKS, StepOutcome.succeeded, "failover procedure: " + settings.procedure());
    String monitoring = monitoring(live);
    boolean primaryWatched = checks.stream().anyMatch(check -> check.region().equals(pair.primary()));
    if (live && !primaryWatched) {
      blockers.add("no health check watches " + pair.primary() + ": the fault could not be detected");
    }
    journal.check(ChecklistItem.SET_UP_MONITORING, live && !primaryWatched ? StepOutcome.failed : StepOutcome.succeeded, monitoring);
    return blockers.isEmpty() ? Optional.empty() : Optional.of("pre-drill checks failed: " + String.join("; ", blockers));
  }

  private void confirmEnvironment(boolean live, List<String> seen, List<String> blockers) {
    Optional<PairState> state = requests.current();
    if (state.isEmpty()) {
      seen.add("pair state not on this instance (its writer decides)");
    } else if (live && (state.get().phase() != PairPhase.HEALTHY || state.get().inFlight() != null)) {
      blockers.add("the pair is " + state.get().phase() + " on " + state.get().activeRegion()
          + ": a live drill starts from a healthy pair on its primary");
    } else {
      seen.add("pair " + state.get().phase() + " on " + state.get().activeRegion() + ", epoch " + state.get().epoch());
    }
    try {
      seen.add(pair.secondary() + ": " + targetHealth.verify(pair.secondary()));
    } catch (RuntimeException e) {
      blockers.add(pair.secondary() + " is not healthy: " + e.getMessage());
    }
    for (ReadinessCheck check : readiness) {
      DatabaseReadiness ready = check.check();
      if (ready.ready()) {
        seen.add("data ready (" + ready.steps().stream().map(step -> step.detail() == null ? step.name() : step.detail())
            .collect(Collectors.joining(", ")) + ")");
      } else {
        blockers.add("data not ready: " + String.join("; ", ready.reasons()));
      }
    }
    if (live) {
      faultSwitch(seen, blockers);
    }
  }

  private void faultSwitch(List<String> seen, List<String> blockers) {
    if (faults == null) {
      blockers.add("no fault injection configured (lifeline.failover.fault-injection.mode: local or fis)");
      return;
    }
    try {
      FaultState fault = faults.current(pair.primary());
      if (fault.active()) {
        blockers.add(pair.primary() + " already has an active fault: " + fault.observed());
      } else {
        seen.add("fault switch of " + pair.primary() + " reachable: " + fault.observed());
      }
    } catch (RuntimeException e) {
      blockers.add("fault switch of " + pair.primary() + " unreachable: " + e.getMessage());
    }
  }

  private String monitoring(boolean live) {
    String described = checks.stream().map(check -> check.id() + " (" + check.region() + ", " + check.target() + " every "
        + check.requestInterval().toMillis() + " ms, threshold " + check.failureThreshold() + ", " + check.checkers()
        + " checkers)").collect(Collectors.joining(", "));
    return "the drill follows failover.events and failover.requests; health checks: "
        + (described.isEmpty() ? "none" : described) + (live ? "" : " (dry run: nothing is broken)");
  }
}
