package io.codelibra.lifeline.recovery.postmortem;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.EscalationReason;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryObjectives;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RegionRole;
import io.codelibra.lifeline.events.ResolutionReason;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.events.TimedStep;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The region-outage drill's events, as the services write them: us-east-1 fails at T0 and comes back. */
final class IncidentStory {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final String PAIR = "us-east-1/us-west-2";
  static final String INCIDENT = "inc-42";
  static final String FINGERPRINT = "lifeline:region:us-east-1";
  static final Actor SYSTEM = Actor.newBuilder().setType(ActorType.system).setId("escalation-service").build();
  static final Actor ALICE = Actor.newBuilder().setType(ActorType.user).setId("alice").setName("Alice").build();
  static final RecoveryObjectives PLAN = RecoveryObjectives.newBuilder().setRtoMs(Duration.ofHours(4).toMillis())
      .setRpoMs(Duration.ofHours(1).toMillis()).build();

  private IncidentStory() {
  }

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static UUID id() {
    return UUID.randomUUID();
  }

  static RegionHealthChanged unhealthy(int minute, String pair) {
    return RegionHealthChanged.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("failover-service")
        .setRegionPair(pair).setRegion("us-east-1").setRole(RegionRole.primary).setPreviousHealth(RegionHealth.healthy)
        .setHealth(RegionHealth.unhealthy).setReason("3 of 3 checkers failed HTTPS /health").setHealthyCheckers(0)
        .setTotalCheckers(3).build();
  }

  static AlertRaised alert(int minute, String fingerprint) {
    return AlertRaised.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("failover-service")
        .setFingerprint(fingerprint).setSourceType(AlertSourceType.lifeline).setSeverity(Severity.SEV1)
        .setSummary("us-east-1 unhealthy").setLabels(Map.of("region", "us-east-1", "region_pair", PAIR, "role", "primary"))
        .build();
  }

  static AlertResolved alertResolved(int minute, String fingerprint) {
    return AlertResolved.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("failover-service")
        .setFingerprint(fingerprint).setSourceType(AlertSourceType.lifeline).setReason("us-east-1 healthy").build();
  }

  static IncidentOpened opened(int minute, String incidentId, String fingerprint) {
    return IncidentOpened.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("escalation-service")
        .setIncidentId(incidentId).setDedupKey(fingerprint).setService("platform").setSeverity(Severity.SEV1)
        .setUrgency(Urgency.high).setTitle("us-east-1 unhealthy").setAlertFingerprint(fingerprint)
        .setEscalationPolicy("CodeLibra Critical Incidents")
        .setLabels(Map.of("region", "us-east-1", "region_pair", PAIR, "role", "primary")).setOpenedBy(SYSTEM)
        .setAssignedUserIds(List.of("alice")).build();
  }

  static IncidentEscalated escalated(int minute, int level) {
    return IncidentEscalated.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("escalation-service")
        .setIncidentId(INCIDENT).setLevel(level).setReason(EscalationReason.timeout).setActor(SYSTEM)
        .setResolvedUserIds(List.of("bob")).build();
  }

  static IncidentAcknowledged acknowledged(int minute) {
    return IncidentAcknowledged.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("escalation-service")
        .setIncidentId(INCIDENT).setActor(ALICE).setVia("api")
        .setTimeToAcknowledgeMs(Duration.ofMinutes(minute - 1).toMillis()).build();
  }

  static IncidentResolved resolved(int minute) {
    return IncidentResolved.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("escalation-service")
        .setIncidentId(INCIDENT).setActor(ALICE).setReason(ResolutionReason.manual).setAlertCount(1)
        .setTimeToResolveMs(Duration.ofMinutes(minute - 1).toMillis()).setResolution("failed back to us-east-1").build();
  }

  static StatusIncidentUpdated status(int minute, String body) {
    return StatusIncidentUpdated.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("statuspage-service")
        .setIncidentId("status-7").setName("API outage in US East").setStatus(StatusIncidentStatus.investigating)
        .setImpact(StatusIncidentImpact.major).setUpdateId(id().toString()).setBody(body).setComponentIds(List.of("api", "web"))
        .setCreatedAt(at(minute)).setLifelineIncidentId(INCIDENT).setRegionPair(PAIR).setActor(SYSTEM).build();
  }

  static FailoverRequested failoverRequested(int minute, String pair, String incidentId) {
    return FailoverRequested.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("failover-service")
        .setRegionPair(pair).setFailoverId("fo-1").setDirection(FailoverDirection.failover).setFromRegion("us-east-1")
        .setToRegion("us-west-2").setTrigger(FailoverTrigger.automatic).setReason("us-east-1 unhealthy for 3 x 10 s")
        .setEpoch(7).setRequestedBy(SYSTEM).setIncidentId(incidentId).build();
  }

  static FailoverCompleted failoverCompleted(int minute, StepOutcome dnsOutcome) {
    return FailoverCompleted.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("failover-service")
        .setRegionPair(PAIR).setFailoverId("fo-1").setDirection(FailoverDirection.failover).setFromRegion("us-east-1")
        .setToRegion("us-west-2").setTrigger(FailoverTrigger.automatic).setEpoch(7)
        .setOutcome(dnsOutcome == StepOutcome.succeeded ? RunOutcome.succeeded : RunOutcome.failed)
        .setActiveRegion("us-west-2").setRequestedAt(at(minute - 2)).setStartedAt(at(minute - 2))
        .setDurationMs(Duration.ofMinutes(2).toMillis())
        .setSteps(List.of(TimedStep.newBuilder().setName("flip-dns").setStartedAt(at(minute - 2)).setEndedAt(at(minute))
            .setOutcome(dnsOutcome).setDetail("www now routes to us-west-2").build()))
        .build();
  }

  static RegionRestored restored(int minute, long downtimeMinutes) {
    return RegionRestored.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("failover-service")
        .setRegionPair(PAIR).setRegion("us-east-1").setRole(RegionRole.primary).setHealthySince(at(minute - 5))
        .setHealthyWindowMs(Duration.ofMinutes(5).toMillis()).setUnhealthySince(T0)
        .setDowntimeMs(Duration.ofMinutes(downtimeMinutes).toMillis()).build();
  }

  static RecoveryStarted runStarted(int minute, String runId, String incidentId) {
    return RecoveryStarted.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("recovery-service")
        .setRunId(runId).setRunbookId("rds-restore-from-snapshot").setTitle("Restore RDS from the latest snapshot")
        .setTier(3).setObjectives(PLAN).setTargetResource("rds:us-west-2:vibe-prod")
        .setPlannedSteps(List.of("restore", "verify")).setStartedBy(SYSTEM).setIncidentId(incidentId).build();
  }

  static RecoveryStepCompleted step(int minute, String runId, int index, String name, StepOutcome outcome, String error) {
    return RecoveryStepCompleted.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("recovery-service")
        .setRunId(runId).setRunbookId("rds-restore-from-snapshot").setStepIndex(index).setStepName(name)
        .setAction("rds.restore-db-instance-from-snapshot").setIdempotencyKey(runId + "/" + name)
        .setStartedAt(at(minute - 1)).setEndedAt(at(minute)).setDurationMs(60_000).setOutcome(outcome)
        .setAttempts(1).setError(error).build();
  }

  static RecoveryCompleted runCompleted(int minute, String runId, long rtoMinutes, Long rpoMinutes) {
    boolean met = rtoMinutes <= 240 && (rpoMinutes == null || rpoMinutes <= 60);
    return RecoveryCompleted.newBuilder().setEventId(id()).setOccurredAt(at(minute)).setSource("recovery-service")
        .setRunId(runId).setRunbookId("rds-restore-from-snapshot").setTargetResource("rds:us-west-2:vibe-prod")
        .setOutcome(RunOutcome.succeeded).setStartedAt(at(minute - 10)).setDurationMs(Duration.ofMinutes(10).toMillis())
        .setRtoAchievedMs(Duration.ofMinutes(rtoMinutes).toMillis())
        .setRpoAchievedMs(rpoMinutes == null ? null : Duration.ofMinutes(rpoMinutes).toMillis()).setObjectives(PLAN)
        .setObjectivesMet(met).setIncidentId(INCIDENT).build();
  }
}
