package io.codelibra.lifeline.failover.region;

import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverTrigger;
import java.time.Instant;

/** The one failover or failback a pair has in flight: its id, direction, fencing epoch, why and when it was asked. */
public record InFlight(String failoverId, FailoverDirection direction, long epoch, FailoverTrigger trigger, Instant requestedAt) {
}
