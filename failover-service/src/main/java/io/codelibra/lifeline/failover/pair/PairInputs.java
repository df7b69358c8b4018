package io.codelibra.lifeline.failover.pair;

import io.codelibra.lifeline.events.FailoverActionRequested;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.failover.region.PairInput;
import io.codelibra.lifeline.failover.region.PairInput.FailbackApproved;
import io.codelibra.lifeline.failover.region.PairInput.FailoverAsked;
import io.codelibra.lifeline.failover.region.PairInput.HealthObserved;
import io.codelibra.lifeline.failover.region.PairInput.RunFinished;
import java.util.Optional;

/**
 * What each record the pair processor reads means to the state machine. Health changes and run results come from
 * {@code failover.events}; the service's own other events there (RegionRestored, drill records) and dry-run results
 * mean nothing to it.
 */
final class PairInputs {

  private PairInputs() {
  }

  static Optional<PairInput> ofEvent(Object event) {
    return switch (event) {
      case RegionHealthChanged changed -> Optional.of(new HealthObserved(changed.getRegion(), changed.getHealth(),
          changed.getReason(), changed.getOccurredAt()));
      case FailoverCompleted completed when !completed.getDryRun() -> Optional.of(new RunFinished(completed.getFailoverId(),
          completed.getEpoch(), completed.getOutcome(), completed.getOccurredAt()));
      default -> Optional.empty();
    };
  }

  /** The request as an input; empty for an action this service does not know. */
  static Optional<PairInput> ofCommand(FailoverActionRequested request) {
    String by = request.getRequestedBy().getId();
    String reason = request.getReason() == null ? request.getAction() + " requested by " + by : request.getReason();
    return switch (request.getAction()) {
      case failover -> Optional.of(new FailoverAsked(FailoverDirection.failover, request.getTrigger(), request.getEpoch(), reason,
          by, request.getDryRun(), request.getOccurredAt()));
      case failback -> Optional.of(new FailoverAsked(FailoverDirection.failback, request.getTrigger(), request.getEpoch(), reason,
          by, request.getDryRun(), request.getOccurredAt()));
      case approve_failback -> Optional.of(new FailbackApproved(by, request.getOccurredAt()));
      case unknown -> Optional.empty();
    };
  }
}
