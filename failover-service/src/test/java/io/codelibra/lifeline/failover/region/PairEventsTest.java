package io.codelibra.lifeline.failover.region;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.failover.region.PairEffect.FailoverOrdered;
import io.codelibra.lifeline.failover.region.PairEffect.PrimaryRestored;
import io.codelibra.lifeline.failover.region.PairEffect.Refused;
import io.codelibra.lifeline.failover.region.PairEffect.RegionAlarm;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PairEventsTest {

  private static final RegionPair PAIR = new RegionPair("us-east-1", "us-west-2");
  private static final Instant NOW = Instant.parse("2026-11-25T10:05:00Z");
  private static final Instant DETECTED = Instant.parse("2026-11-25T10:04:30Z");
  private final PairEvents events = new PairEvents(PAIR, "vibe-platform", () -> new UUID(0, 1));

  @Test
  void anUnhealthyRegionIsOneCriticalLifelineAlertKeyedByRegion() {
    AlertRaised raised = (AlertRaised) events.of(new RegionAlarm("us-east-1", true, "3 of 3 checkers failed"), NOW, DETECTED, null);

    assertThat(raised.getFingerprint()).isEqualTo("region-unhealthy:us-east-1");
    assertThat(raised.getSeverity()).isEqualTo(Severity.SEV1);
    assertThat(raised.getSourceType()).isEqualTo(AlertSourceType.lifeline);
    assertThat(raised.getService()).isEqualTo("vibe-platform");
    assertThat(raised.getLabels()).containsEntry("region_pair", "us-east-1/us-west-2").containsEntry("role", "primary");
    assertThat(raised.getStartsAt()).isEqualTo(DETECTED);

    AlertResolved resolved = (AlertResolved) events.of(new RegionAlarm("us-east-1", false, "back"), NOW, null, null);
    assertThat(resolved.getFingerprint()).isEqualTo(raised.getFingerprint());
  }

  @Test
  void anAutomaticFailoverCarriesItsEpochDetectionTimeAndTrigger() {
    UUID trigger = UUID.randomUUID();
    FailoverRequested requested = (FailoverRequested) events.of(new FailoverOrdered(
        new InFlight("run-1", FailoverDirection.failover, 7, FailoverTrigger.automatic, NOW), "us-east-1", "us-west-2",
        "us-east-1 unhealthy", "failover-service", false), NOW, DETECTED, trigger);

    assertThat(requested.getEpoch()).isEqualTo(7);
    assertThat(requested.getRegionPair()).isEqualTo("us-east-1/us-west-2");
    assertThat(requested.getRequestedBy().getId()).isEqualTo("failover-service");
    assertThat(requested.getDetectedAt()).isEqualTo(DETECTED);
    assertThat(requested.getTriggerEventId()).isEqualTo(trigger);
  }

  @Test
  void aManualRequestNamesTheOperatorAndHasNoDetectionTime() {
    FailoverRequested requested = (FailoverRequested) events.of(new FailoverOrdered(
        new InFlight("run-2", FailoverDirection.failover, 3, FailoverTrigger.drill, NOW), "us-east-1", "us-west-2", "drill",
        "alice@example.com", true), NOW, DETECTED, null);

    assertThat(requested.getRequestedBy().getId()).isEqualTo("alice@example.com");
    assertThat(requested.getDryRun()).isTrue();
    assertThat(requested.getDetectedAt()).isNull();
  }

  @Test
  void restoredCarriesTheWindowAndTheDowntime() {
    RegionRestored restored = (RegionRestored) events.of(new PrimaryRestored("us-east-1", NOW.minus(Duration.ofMinutes(10)),
        Duration.ofMinutes(10), NOW.minus(Duration.ofMinutes(40)), true), NOW, null, null);

    assertThat(restored.getHealthyWindowMs()).isEqualTo(600_000);
    assertThat(restored.getDowntimeMs()).isEqualTo(Duration.ofMinutes(30).toMillis());
    assertThat(restored.getFailbackRequiresApproval()).isTrue();
    assertThat(events.of(new Refused("no"), NOW, null, null)).isNull();
  }
}
