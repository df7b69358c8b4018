package io.codelibra.lifeline.failover.region;

import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.failover.region.PairEffect.FailoverOrdered;
import io.codelibra.lifeline.failover.region.PairEffect.PrimaryRestored;
import io.codelibra.lifeline.failover.region.PairEffect.Refused;
import io.codelibra.lifeline.failover.region.PairEffect.RegionAlarm;
import io.codelibra.lifeline.failover.region.PairInput.FailbackApproved;
import io.codelibra.lifeline.failover.region.PairInput.FailoverAsked;
import io.codelibra.lifeline.failover.region.PairInput.HealthObserved;
import io.codelibra.lifeline.failover.region.PairInput.RunFinished;
import io.codelibra.lifeline.failover.region.PairInput.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The region pair state machine, pure. Its safety rules:
 * <ul>
 *   <li>never fail over to an unhealthy secondary (nor fail back to a primary that is not healthy);</li>
 *   <li>one failover or failback in flight per pair: a request while one runs is refused;</li>
 *   <li>every request carries an epoch (fencing token) greater than the pair's; a stale one is refused, and a run's
 *   result is only accepted for the epoch in flight;</li>
 *   <li>failback only after the primary has been healthy for the whole failback window (hysteresis), and, by default,
 *   after an operator's approval.</li>
 * </ul>
 * Automatic failover (per policy) starts when the primary turns unhealthy and the secondary is not unhealthy, or later
 * when the secondary recovers while the primary is still down. Dry runs report the decision and change nothing.
 */
public final class RegionStateMachine {

  private final FailoverPolicy policy;
  private final Supplier<String> ids;

  public RegionStateMachine(FailoverPolicy policy, Supplier<String> ids) {
    this.policy = policy;
    this.ids = ids;
  }

  public FailoverPolicy policy() {
    return policy;
  }

  public Transition apply(PairState state, PairInput input) {
    return switch (input) {
      case HealthObserved observed -> observed(state, observed);
      case FailoverAsked asked -> asked(state, asked);
      case RunFinished finished -> finished(state, finished);
      case FailbackApproved approved -> approved(state, approved);
      case Tick tick -> tick(state, tick);
    };
  }

  private Transition observed(PairState state, HealthObserved observed) {
    if (!state.pair().contains(observed.region())) {
      return new Transition(state, List.of(new Refused("region " + observed.region() + " is not in " + state.pair().id())));
    }
    List<PairEffect> effects = new ArrayList<>();
    RegionHealth before = state.healthOf(observed.region());
    PairState next = state.withHealth(observed.region(), observed.health(), observed.at());
    boolean primary = state.pair().primary().equals(observed.region());
    if (observed.health() == RegionHealth.unhealthy && before != RegionHealth.unhealthy) {
      effects.add(new RegionAlarm(observed.region(), true, observed.reason()));
    } else if (observed.health() == RegionHealth.healthy && before == RegionHealth.unhealthy && !(primary && !next.phase().onPrimary())) {
      // A primary that is back while traffic is on the secondary is resolved at RegionRestored, after the window.
      effects.add(new RegionAlarm(observed.region(), false, observed.reason()));
    }
    next = switch (next.phase()) {
      case HEALTHY, DEGRADED, UNHEALTHY -> next.withPhase(primaryPhase(next.primaryHealth()));
      case FAILED_OVER, RECOVERING -> next.withPhase(next.primaryHealth() == RegionHealth.healthy ? PairPhase.RECOVERING : PairPhase.FAILED_OVER);
      case FAILING_OVER, FAILING_BACK -> next;
    };
    Transition automatic = automaticFailover(next, observed);
    effects.addAll(automatic.effects());
    return new Transition(automatic.state(), effects);
  }

  private Transition automaticFailover(PairState state, HealthObserved cause) {
    if (!policy.automaticFailover() || state.phase() != PairPhase.UNHEALTHY) {
      return new Transition(state, List.of());
    }
    if (state.secondaryHealth() == RegionHealth.unhealthy) {
      return new Transition(state, List.of(new Refused("no automatic failover: the secondary " + state.pair().secondary()
          + " is unhealthy too")));
    }
    return order(state, FailoverDirection.failover, FailoverTrigger.automatic, state.epoch() + 1,
        state.pair().primary() + " unhealthy: " + cause.reason(), "failover-service", false, cause);
  }

  private Transition asked(PairState state, FailoverAsked asked) {
    if (asked.epoch() <= state.epoch()) {
      return refuse(state, "stale request: epoch " + asked.epoch() + " is not after the pair's epoch " + state.epoch());
    }
    if (state.phase().inFlight()) {
      return refuse(state, "a " + state.inFlight().direction() + " is already in flight (" + state.inFlight().failoverId() + ")");
    }
    if (asked.direction() == FailoverDirection.failover) {
      if (!state.phase().onPrimary()) {
        return refuse(state, "traffic is already on " + state.pair().secondary());
      }
      if (state.secondaryHealth() == RegionHealth.unhealthy) {
        return refuse(state, "never fail over to an unhealthy secondary: " + state.pair().secondary() + " is unhealthy");
      }
    } else {
      if (state.phase().onPrimary()) {
        return refuse(state, "traffic is already on " + state.pair().primary());
      }
      String notReady = failbackBlocker(state, asked.at());
      if (notReady != null) {
        return refuse(state, notReady);
      }
    }
    return order(state, asked.direction(), asked.trigger(), asked.epoch(), asked.reason(), asked.requestedBy(), asked.dryRun(), asked);
  }

  /** Why failback may not start now (the primary not healthy for the whole window); null when it may. */
  private String failbackBlocker(PairState state, Instant now) {
    if (state.primaryHealth() != RegionHealth.healthy || state.primaryHealthySince() == null) {
      return "the primary " + state.pair().primary() + " is not healthy";
    }
    Duration healthyFor = Duration.between(state.primaryHealthySince(), now);
    if (healthyFor.compareTo(policy.failbackWindow()) < 0) {
      return "the primary has been healthy for " + healthyFor.toSeconds() + " s of the " + policy.failbackWindow().toSeconds()
          + " s failback window";
    }
    return null;
  }

  private Transition order(PairState state, FailoverDirection direction, FailoverTrigger trigger, long epoch, String reason,
      String requestedBy, boolean dryRun, PairInput cause) {
    InFlight request = new InFlight(ids.get(), direction, epoch, trigger, cause.at());
    String from = direction == FailoverDirection.failover ? state.pair().primary() : state.pair().secondary();
    FailoverOrdered ordered = new FailoverOrdered(request, from, state.pair().other(from), reason, requestedBy, dryRun);
    if (dryRun) {
      return new Transition(state, List.of(ordered));
    }
    PairPhase next = direction == FailoverDirection.failover ? PairPhase.FAILING_OVER : PairPhase.FAILING_BACK;
    return new Transition(state.started(request, next), List.of(ordered));
  }

  private Transition finished(PairState state, RunFinished finished) {
    InFlight running = state.inFlight();
    if (running == null || !running.failoverId().equals(finished.failoverId()) || running.epoch() != finished.epoch()) {
      return refuse(state, "no run " + finished.failoverId() + " with epoch " + finished.epoch() + " in flight");
    }
    boolean succeeded = finished.outcome() == RunOutcome.succeeded || finished.outcome() == RunOutcome.partially_succeeded;
    if (running.direction() == FailoverDirection.failover) {
      // After a failover the failback window starts afresh, even for a primary that was healthy (a planned failover).
      PairState next = succeeded
          ? state.finished(state.primaryHealth() == RegionHealth.healthy ? PairPhase.RECOVERING : PairPhase.FAILED_OVER, false)
              .healthyFrom(finished.at())
          : state.finished(primaryPhase(state.primaryHealth()), false);
      return new Transition(next, List.of());
    }
    if (succeeded) {
      return new Transition(state.finished(primaryPhase(state.primaryHealth()), true), List.of());
    }
    return new Transition(state.finished(state.primaryHealth() == RegionHealth.healthy ? PairPhase.RECOVERING : PairPhase.FAILED_OVER,
        false), List.of());
  }

  private Transition approved(PairState state, FailbackApproved approved) {
    if (state.phase().onPrimary() || state.phase().inFlight()) {
      return refuse(state, "nothing to approve: the pair is " + state.phase());
    }
    PairState next = state.approved();
    return startFailbackIfReady(next, approved);
  }

  private Transition tick(PairState state, Tick tick) {
    if (state.phase() != PairPhase.RECOVERING) {
      return new Transition(state, List.of());
    }
    List<PairEffect> effects = new ArrayList<>();
    PairState next = state;
    if (state.restoredAt() == null && failbackBlocker(state, tick.at()) == null) {
      next = state.restored(tick.at());
      effects.add(new PrimaryRestored(state.pair().primary(), state.primaryHealthySince(), policy.failbackWindow(),
          state.primaryUnhealthySince(), policy.failbackRequiresApproval()));
      effects.add(new RegionAlarm(state.pair().primary(), false, state.pair().primary() + " healthy for the failback window"));
    }
    Transition failback = startFailbackIfReady(next, tick);
    effects.addAll(failback.effects());
    return new Transition(failback.state(), effects);
  }

  private Transition startFailbackIfReady(PairState state, PairInput cause) {
    boolean mayStart = state.phase() == PairPhase.RECOVERING && state.restoredAt() != null
        && (state.failbackApproved() || !policy.failbackRequiresApproval())
        && failbackBlocker(state, cause.at()) == null;
    if (!mayStart) {
      return new Transition(state, List.of());
    }
    String reason = state.failbackApproved() && cause instanceof FailbackApproved approval
        ? "failback approved by " + approval.approvedBy() : "primary restored; failback " + (state.failbackApproved() ? "approved" : "automatic");
    FailoverTrigger trigger = state.failbackApproved() ? FailoverTrigger.manual : FailoverTrigger.automatic;
    String by = cause instanceof FailbackApproved approval ? approval.approvedBy() : "failover-service";
    return order(state, FailoverDirection.failback, trigger, state.epoch() + 1, reason, by, false, cause);
  }

  private static PairPhase primaryPhase(RegionHealth health) {
    if (health == null) {
      return PairPhase.HEALTHY;
    }
    return switch (health) {
      case healthy -> PairPhase.HEALTHY;
      case degraded -> PairPhase.DEGRADED;
      case unhealthy -> PairPhase.UNHEALTHY;
    };
  }

  private static Transition refuse(PairState state, String reason) {
    return new Transition(state, List.of(new Refused(reason)));
  }
}
