package io.codelibra.lifeline.failover.api;

import io.codelibra.lifeline.failover.region.InFlight;
import io.codelibra.lifeline.failover.region.PairState;
import java.time.Instant;

/** The pair as the API shows it; {@code epoch} is the fencing token a request must exceed (send {@code epoch + 1}). */
public record PairView(String regionPair, String primaryRegion, String secondaryRegion, String phase, String activeRegion,
    long epoch, String primaryHealth, String secondaryHealth, Instant primaryUnhealthySince, Instant primaryHealthySince,
    Instant restoredAt, boolean failbackApproved, InFlight inFlight) {

  static PairView of(PairState state) {
    return new PairView(state.pair().id(), state.pair().primary(), state.pair().secondary(), state.phase().name(),
        state.activeRegion(), state.epoch(), name(state.primaryHealth()), name(state.secondaryHealth()),
        state.primaryUnhealthySince(), state.primaryHealthySince(), state.restoredAt(), state.failbackApproved(), state.inFlight());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
