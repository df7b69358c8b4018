package io.codelibra.lifeline.failover.region;

import io.codelibra.lifeline.events.RegionHealth;
import java.time.Instant;

/**
 * Everything the state machine knows of a pair. {@code epoch} is the fencing token of the last accepted request: a
 * request must carry a greater one. {@code primaryHealthySince} starts the failback window; {@code restoredAt} is set
 * once the primary stayed healthy for the whole window ({@code RegionRestored} announced); {@code failbackApproved}
 * records an operator's approval. Health is null until first judged.
 */
public record PairState(
    RegionPair pair,
    PairPhase phase,
    long epoch,
    RegionHealth primaryHealth,
    RegionHealth secondaryHealth,
    Instant primaryUnhealthySince,
    Instant primaryHealthySince,
    Instant restoredAt,
    boolean failbackApproved,
    InFlight inFlight) {

  public static PairState initial(RegionPair pair) {
    return new PairState(pair, PairPhase.HEALTHY, 0, null, null, null, null, null, false, null);
  }

  /** The region serving traffic. */
  public String activeRegion() {
    return phase.onPrimary() ? pair.primary() : pair.secondary();
  }

  public RegionHealth healthOf(String region) {
    return pair.primary().equals(region) ? primaryHealth : secondaryHealth;
  }

  PairState withPhase(PairPhase next) {
    return new PairState(pair, next, epoch, primaryHealth, secondaryHealth, primaryUnhealthySince, primaryHealthySince, restoredAt,
        failbackApproved, inFlight);
  }

  PairState withHealth(String region, RegionHealth health, Instant at) {
    if (pair.secondary().equals(region)) {
      return new PairState(pair, phase, epoch, primaryHealth, health, primaryUnhealthySince, primaryHealthySince, restoredAt,
          failbackApproved, inFlight);
    }
    Instant unhealthySince = health == RegionHealth.unhealthy
        ? (primaryHealth == RegionHealth.unhealthy ? primaryUnhealthySince : at) : primaryUnhealthySince;
    Instant healthySince = health == RegionHealth.healthy ? (primaryHealth == RegionHealth.healthy ? primaryHealthySince : at) : null;
    return new PairState(pair, phase, epoch, health, secondaryHealth, unhealthySince, healthySince,
        health == RegionHealth.healthy ? restoredAt : null, health == RegionHealth.healthy && failbackApproved, inFlight);
  }

  PairState started(InFlight request, PairPhase next) {
    return new PairState(pair, next, request.epoch(), primaryHealth, secondaryHealth, primaryUnhealthySince, primaryHealthySince,
        restoredAt, failbackApproved, request);
  }

  PairState finished(PairPhase next, boolean clearOutage) {
    return new PairState(pair, next, epoch, primaryHealth, secondaryHealth, clearOutage ? null : primaryUnhealthySince,
        primaryHealthySince, clearOutage ? null : restoredAt, clearOutage ? false : failbackApproved, null);
  }

  /** Restarts the failback window at {@code at} when the primary is healthy. */
  PairState healthyFrom(Instant at) {
    if (primaryHealth != RegionHealth.healthy) {
      return this;
    }
    return new PairState(pair, phase, epoch, primaryHealth, secondaryHealth, primaryUnhealthySince, at, null, false, inFlight);
  }

  PairState restored(Instant at) {
    return new PairState(pair, phase, epoch, primaryHealth, secondaryHealth, primaryUnhealthySince, primaryHealthySince, at,
        failbackApproved, inFlight);
  }

  PairState approved() {
    return new PairState(pair, phase, epoch, primaryHealth, secondaryHealth, primaryUnhealthySince, primaryHealthySince, restoredAt,
        true, inFlight);
  }
}
