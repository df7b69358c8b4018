package io.codelibra.lifeline.failover.pair;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.FailoverAction;
import io.codelibra.lifeline.events.FailoverActionRequested;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRole;
import io.codelibra.lifeline.events.RunOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Input records of the pair topology, as the health monitor, the executor and the API write them. */
final class PairRecords {

  static final String PAIR = "us-east-1/us-west-2";

  private PairRecords() {
  }

  static RegionHealthChanged health(String region, RegionHealth health, Instant at) {
    return RegionHealthChanged.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource("failover-service")
        .setRegionPair(PAIR).setRegion(region).setRole(region.equals("us-east-1") ? RegionRole.primary : RegionRole.secondary)
        .setHealth(health).setReason(region + " " + health).setHealthyCheckers(health == RegionHealth.healthy ? 3 : 0)
        .setTotalCheckers(3).build();
  }

  static FailoverCompleted completed(FailoverRequested request, RunOutcome outcome, Instant at) {
    return FailoverCompleted.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource("failover-service")
        .setRegionPair(PAIR).setFailoverId(request.getFailoverId()).setDirection(request.getDirection())
        .setFromRegion(request.getFromRegion()).setToRegion(request.getToRegion()).setTrigger(request.getTrigger())
        .setEpoch(request.getEpoch()).setOutcome(outcome).setDryRun(request.getDryRun())
        .setActiveRegion(outcome == RunOutcome.succeeded ? request.getToRegion() : request.getFromRegion()).setSteps(List.of())
        .setRequestedAt(request.getOccurredAt()).setStartedAt(at).setDurationMs(0).build();
  }

  static FailoverActionRequested command(FailoverAction action, long epoch, boolean dryRun, Instant at) {
    return FailoverActionRequested.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource("failover-service/api")
        .setRegionPair(PAIR).setAction(action).setTrigger(dryRun ? FailoverTrigger.drill : FailoverTrigger.manual).setEpoch(epoch)
        .setReason("test " + action).setRequestedBy(new Actor(ActorType.user, "oncall@example.com", null)).setDryRun(dryRun)
        .build();
  }
}
