package io.codelibra.lifeline.failover.monitor;

import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRole;
import io.codelibra.lifeline.failover.health.HealthChange;
import io.codelibra.lifeline.failover.region.PairEvents;
import io.codelibra.lifeline.failover.region.RegionPair;
import java.util.UUID;
import java.util.function.Supplier;

/** A region's health change as the {@code RegionHealthChanged} event of its pair. */
public final class RegionHealthEvents {

  private final RegionPair pair;
  private final Supplier<UUID> ids;

  public RegionHealthEvents(RegionPair pair, Supplier<UUID> ids) {
    this.pair = pair;
    this.ids = ids;
  }

  RegionHealthChanged of(HealthChange change) {
    RegionRole role = pair.primary().equals(change.region()) ? RegionRole.primary
        : pair.secondary().equals(change.region()) ? RegionRole.secondary : RegionRole.unknown;
    return RegionHealthChanged.newBuilder().setEventId(ids.get()).setOccurredAt(change.occurredAt()).setSource(PairEvents.SOURCE)
        .setRegionPair(pair.id()).setRegion(change.region()).setRole(role).setPreviousHealth(change.previousHealth())
        .setHealth(change.health()).setReason(change.reason()).setHealthCheckId(change.healthCheckId())
        .setHealthyCheckers(change.healthyCheckers()).setTotalCheckers(change.totalCheckers())
        .setConsecutiveFailures(change.consecutiveFailures()).setFirstFailureAt(change.firstFailureAt())
        .setLastError(change.lastError()).build();
  }
}
