package io.codelibra.lifeline.failover.region;

import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RunOutcome;
import java.time.Instant;

/** What a region pair's state machine reacts to, each at an instant. */
public sealed interface PairInput {

  Instant at();

  /** The health checks judged a region (the quorum of checkers). */
  record HealthObserved(String region, RegionHealth health, String reason, Instant at) implements PairInput {
  }

  /**
   * An operator (or a drill) asks for a failover or failback. {@code epoch} is the fencing token: it must be greater
   * than the pair's current epoch, so a request made from an outdated view is refused.
   */
  record FailoverAsked(FailoverDirection direction, FailoverTrigger trigger, long epoch, String reason, String requestedBy,
      boolean dryRun, Instant at) implements PairInput {
  }

  /** The executor finished the run with this id and epoch. */
  record RunFinished(String failoverId, long epoch, RunOutcome outcome, Instant at) implements PairInput {
  }

  /** An operator approved failing back (needed when the policy says so). */
  record FailbackApproved(String approvedBy, Instant at) implements PairInput {
  }

  /** Time passed: the failback window may have elapsed. */
  record Tick(Instant at) implements PairInput {
  }
}
