package io.codelibra.lifeline.statuspage.stream;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RegionRole;
import io.codelibra.lifeline.events.ResolutionReason;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusPageChangeRequested;
import io.codelibra.lifeline.events.Urgency;
import java.time.Instant;
import java.util.UUID;

/** The events statuspage-service consumes, as escalation-service, failover-service and the admin API write them. */
public final class InputEvents {

  public static final String PAIR = "us-east-1/us-west-2";
  static final Actor ALICE = new Actor(ActorType.user, "alice@example.com", null);
  private static final Actor SYSTEM = new Actor(ActorType.system, "test", null);

  private InputEvents() {
  }

  public static IncidentOpened opened(String incidentId, String service, Severity severity, String title, Instant at) {
    return IncidentOpened.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource("escalation-service")
        .setIncidentId(incidentId).setDedupKey(incidentId).setService(service).setSeverity(severity)
        .setUrgency(Urgency.high).setTitle(title).setAlertFingerprint(incidentId).setOpenedBy(SYSTEM).build();
  }

  public static IncidentResolved resolved(String incidentId, Instant at) {
    return IncidentResolved.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource("escalation-service")
        .setIncidentId(incidentId).setActor(ALICE).setReason(ResolutionReason.manual).build();
  }

  public static RegionHealthChanged health(RegionHealth health, Instant at) {
    return RegionHealthChanged.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource("failover-service")
        .setRegionPair(PAIR).setRegion("us-east-1").setRole(RegionRole.primary).setHealth(health)
        .setReason("3 of 3 checkers failed HTTPS /health").setHealthyCheckers(0).setTotalCheckers(3).setFirstFailureAt(at).build();
  }

  public static FailoverCompleted failedOver(Instant at, boolean dryRun) {
    return FailoverCompleted.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource("failover-service")
        .setRegionPair(PAIR).setFailoverId("f-1").setDirection(FailoverDirection.failover).setFromRegion("us-east-1")
        .setToRegion("us-west-2").setTrigger(FailoverTrigger.automatic).setEpoch(1).setOutcome(RunOutcome.succeeded)
        .setDryRun(dryRun).setActiveRegion("us-west-2").setRequestedAt(at).setStartedAt(at).setDurationMs(1000).build();
  }

  public static RegionRestored restored(Instant at) {
    return RegionRestored.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource("failover-service")
        .setRegionPair(PAIR).setRegion("us-east-1").setRole(RegionRole.primary).setHealthySince(at).setHealthyWindowMs(600000).build();
  }

  public static StatusPageChangeRequested change(Object change, Instant at) {
    return StatusPageChangeRequested.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setSource("statuspage-service")
        .setActor(ALICE).setChange(change).build();
  }
}
