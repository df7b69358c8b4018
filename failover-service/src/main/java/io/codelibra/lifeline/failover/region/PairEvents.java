package io.codelibra.lifeline.failover.region;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RegionRole;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.failover.region.PairEffect.FailoverOrdered;
import io.codelibra.lifeline.failover.region.PairEffect.PrimaryRestored;
import io.codelibra.lifeline.failover.region.PairEffect.RegionAlarm;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns the state machine's effects into Lifeline's events: region alarms as critical {@code AlertRaised} /
 * {@code AlertResolved} (source type {@code lifeline}, fingerprint {@code region-unhealthy:<region>}, so an outage is
 * one incident), {@code FailoverRequested} and {@code RegionRestored}. Refusals are answers, not events.
 */
public final class PairEvents {

  public static final String SOURCE = "failover-service";
  public static final Actor SYSTEM = new Actor(ActorType.system, SOURCE, null);

  private final RegionPair pair;
  private final String service;
  private final Supplier<UUID> ids;

  /** @param service the Lifeline service region alarms are routed to (its escalation policy pages for the region) */
  public PairEvents(RegionPair pair, String service, Supplier<UUID> ids) {
    this.pair = pair;
    this.service = service;
    this.ids = ids;
  }

  public static String alarmFingerprint(String region) {
    return "region-unhealthy:" + region;
  }

  /** The event of an effect; null for a refusal. {@code detectedAt} is the health change that led to it, when known. */
  public SpecificRecord of(PairEffect effect, Instant now, Instant detectedAt, UUID triggerEventId) {
    return switch (effect) {
      case RegionAlarm alarm when alarm.raised() -> AlertRaised.newBuilder()
          .setEventId(ids.get()).setOccurredAt(now).setSource(SOURCE).setFingerprint(alarmFingerprint(alarm.region()))
          .setSourceType(AlertSourceType.lifeline).setService(service).setSeverity(Severity.SEV1)
          .setSummary("Region " + alarm.region() + " is unhealthy: " + alarm.reason())
          .setLabels(Map.of("region", alarm.region(), "region_pair", pair.id(), "role", role(alarm.region()).name()))
          .setStartsAt(detectedAt).build();
      case RegionAlarm alarm -> AlertResolved.newBuilder()
          .setEventId(ids.get()).setOccurredAt(now).setSource(SOURCE).setFingerprint(alarmFingerprint(alarm.region()))
          .setSourceType(AlertSourceType.lifeline).setService(service).setEndsAt(now).setReason(alarm.reason())
          .setLabels(Map.of("region", alarm.region(), "region_pair", pair.id(), "role", role(alarm.region()).name())).build();
      case FailoverOrdered ordered -> FailoverRequested.newBuilder()
          .setEventId(ids.get()).setOccurredAt(now).setSource(SOURCE).setRegionPair(pair.id())
          .setFailoverId(ordered.request().failoverId()).setDirection(ordered.request().direction())
          .setFromRegion(ordered.fromRegion()).setToRegion(ordered.toRegion()).setTrigger(ordered.request().trigger())
          .setReason(ordered.reason()).setEpoch(ordered.request().epoch())
          .setRequestedBy(ordered.request().trigger() == FailoverTrigger.automatic ? SYSTEM
              : new Actor(ActorType.user, ordered.requestedBy(), null))
          .setDryRun(ordered.dryRun())
          .setDetectedAt(ordered.request().trigger() == FailoverTrigger.automatic ? detectedAt : null)
          .setTriggerEventId(triggerEventId).build();
      case PrimaryRestored restored -> RegionRestored.newBuilder()
          .setEventId(ids.get()).setOccurredAt(now).setSource(SOURCE).setRegionPair(pair.id()).setRegion(restored.region())
          .setRole(RegionRole.primary).setHealthySince(restored.healthySince()).setHealthyWindowMs(restored.window().toMillis())
          .setUnhealthySince(restored.unhealthySince())
          .setDowntimeMs(restored.unhealthySince() == null ? null
              : Duration.between(restored.unhealthySince(), restored.healthySince()).toMillis())
          .setFailbackRequiresApproval(restored.approvalRequired()).build();
      case PairEffect.Refused refused -> null;
    };
  }

  private RegionRole role(String region) {
    return pair.primary().equals(region) ? RegionRole.primary : pair.secondary().equals(region) ? RegionRole.secondary : RegionRole.unknown;
  }
}
