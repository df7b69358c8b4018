package io.codelibra.lifeline.testing.kafka;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Valid events with every required field set, for tests that need one on a topic. */
public final class SampleEvents {

  private SampleEvents() {
  }

  public static AlertRaised alertRaised(String fingerprint) {
    return AlertRaised.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(now())
        .setSource("test")
        .setFingerprint(fingerprint)
        .setSourceType(AlertSourceType.generic)
        .setService("checkout")
        .setSeverity(Severity.SEV1)
        .setSummary("checkout is down")
        .build();
  }

  public static IncidentOpened incidentOpened(String incidentId) {
    return IncidentOpened.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(now())
        .setSource("test")
        .setIncidentId(incidentId)
        .setDedupKey("checkout-down")
        .setService("checkout")
        .setSeverity(Severity.SEV1)
        .setUrgency(Urgency.high)
        .setTitle("Checkout is down")
        .setAlertFingerprint("checkout-down")
        .setOpenedBy(system())
        .build();
  }

  public static FailoverRequested failoverRequested(long epoch) {
    return FailoverRequested.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(now())
        .setSource("test")
        .setRegionPair("us-east-1/us-west-2")
        .setFailoverId(UUID.randomUUID().toString())
        .setDirection(FailoverDirection.failover)
        .setFromRegion("us-east-1")
        .setToRegion("us-west-2")
        .setTrigger(FailoverTrigger.drill)
        .setReason("test")
        .setEpoch(epoch)
        .setRequestedBy(system())
        .setDryRun(true)
        .build();
  }

  private static Actor system() {
    return Actor.newBuilder().setType(ActorType.system).setId("test").build();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
