package io.codelibra.lifeline.failover.drill;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.FailoverAction;
import io.codelibra.lifeline.failover.pair.PairDecision;
import io.codelibra.lifeline.failover.region.PairState;
import java.util.Optional;
import java.util.UUID;

/** Port: the drill's requests to the pair's writer (trigger {@code drill}), and the pair as the writer left it. */
public interface PairRequests {

  /** Sends the request; its event id and the writer's decision, when it came within the API's wait. */
  Sent send(FailoverAction action, String reason, Actor by, boolean dryRun, String drillId);

  /** The pair's state, when this instance runs its writer. */
  Optional<PairState> current();

  /** A request on its way: the request's event id (the resulting FailoverRequested's triggerEventId) and the decision. */
  record Sent(UUID requestId, Optional<PairDecision> decision) {
  }
}
