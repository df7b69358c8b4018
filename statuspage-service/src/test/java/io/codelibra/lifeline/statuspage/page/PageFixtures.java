package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverTrigger;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RegionRole;
import io.codelibra.lifeline.events.ResolutionReason;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusPageChangeRequested;
import io.codelibra.lifeline.events.Urgency;
import io.codelibra.lifeline.statuspage.component.ComponentDefinitionFields;
import io.codelibra.lifeline.statuspage.rules.IncidentRule;
import io.codelibra.lifeline.statuspage.rules.RegionRule;
import io.codelibra.lifeline.statuspage.rules.StatusRules;
import io.codelibra.lifeline.statuspage.template.CommunicationTemplate;
import io.codelibra.lifeline.statuspage.template.CommunicationTemplates;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * One small status page for the engine's tests: groups {@code core} (API, Web app, Checkout) and {@code edge} (CDN),
 * an ungrouped Docs; checkout-api incidents mapped onto Checkout (and API for SEV1), search incidents onto Web app,
 * us-east-1 onto API and Web app; the templates those rules name. Events are built at a given time with
 * deterministic ids.
 */
final class PageFixtures {

  static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
  static final String PAIR = "us-east-1/us-west-2";
  static final Actor ALICE = new Actor(ActorType.user, "alice", "Alice Operator");

  static final PageSettings SETTINGS = new PageSettings("lifeline", "Lifeline Status", "https://status.example.com",
      ZoneId.of("UTC"), 90, Duration.ofMinutes(30));

  static final PageDefinition DEFINITION = new PageDefinition(
      List.of(new PageDefinition.GroupDefinition("edge", "Edge", null, 2),
          new PageDefinition.GroupDefinition("core", "Core services", "What customers call", 1)),
      List.of(new ComponentDefinitionFields("api", "API", "Public REST API", "core", 1, true, false),
          new ComponentDefinitionFields("web", "Web app", null, "core", 2, true, false),
          new ComponentDefinitionFields("checkout", "Checkout", null, "core", 3, true, false),
          new ComponentDefinitionFields("cdn", "CDN", null, "edge", 1, true, false),
          new ComponentDefinitionFields("docs", "Docs", null, null, 1, false, true)));

  static final StatusRules RULES = new StatusRules(
      List.of(new IncidentRule(Set.of("checkout-api"), Set.of(Severity.SEV1), List.of("checkout", "api"), major_outage,
              "service-outage"),
          new IncidentRule(Set.of("checkout-api"), Set.of(Severity.SEV2), List.of("checkout"), partial_outage, "service-degradation"),
          new IncidentRule(Set.of("search"), Set.of(), List.of("web"), degraded_performance, null)),
      List.of(new RegionRule("us-east-1", List.of("api", "web"), "region-outage")));

  static final CommunicationTemplates TEMPLATES = new CommunicationTemplates(List.of(
      new CommunicationTemplate("service-outage", "Service outage", StatusIncidentImpact.critical, "{{component}} outage", Map.of(
          "investigating", "{{components}} failing since {{start_time}} ({{severity}}: {{title}}). Next update by {{next_update_time}}.",
          "identified", "We found the cause of the {{component}} outage.",
          "resolved", "{{components}} recovered ({{reason}}).")),
      new CommunicationTemplate("service-degradation", "Service degradation", StatusIncidentImpact.major, "{{component}} degraded",
          Map.of("investigating", "{{component}} is partly unavailable.", "resolved", "{{component}} is back to normal.")),
      new CommunicationTemplate("region-outage", "Region outage", StatusIncidentImpact.critical, "Outage in {{region}}", Map.of(
          "investigating", "{{components}} unavailable in {{region}} since {{start_time}}: {{reason}}. Next update by {{next_update_time}}.",
          "monitoring", "Traffic now served from {{secondary_region}}; {{components}} may be slower. Next update by {{next_update_time}}.",
          "resolved", "{{region}} recovered at {{now}}; {{components}} fully operational."))));

  private PageFixtures() {
  }

  static Instant minutes(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  /** UUIDs 00000000-0000-0000-0000-000000000001, ...2, ... in order. */
  static Supplier<UUID> sequentialIds() {
    long[] next = {0};
    return () -> new UUID(0, ++next[0]);
  }

  static StatusPageEngine engine() {
    return new StatusPageEngine(DEFINITION, RULES, TEMPLATES, sequentialIds());
  }

  /** A page with the fixture's groups and components, configured at {@link #T0} and drained. */
  static StatusPage configuredPage(StatusPageEngine engine) {
    StatusPage page = new StatusPage(SETTINGS);
    engine.configure(page, T0);
    page.drainDirty();
    return page;
  }

  // ---- inputs -------------------------------------------------------------------------------------------------

  static IncidentOpened.Builder opening(String incidentId, String service, Severity severity, Instant at) {
    return IncidentOpened.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("opened-" + incidentId).getBytes())).setOccurredAt(at).setSource("escalation-service")
        .setIncidentId(incidentId).setDedupKey("dedup-" + incidentId).setService(service).setSeverity(severity)
        .setUrgency(Urgency.high).setTitle("Checkout error rate above 5%").setAlertFingerprint("fp-" + incidentId)
        .setOpenedBy(PageEvents.SYSTEM);
  }

  static IncidentOpened opened(String incidentId, String service, Severity severity, Instant at) {
    return opening(incidentId, service, severity, at).build();
  }

  static IncidentAcknowledged acknowledged(String incidentId, Instant at) {
    return IncidentAcknowledged.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("acknowledged-" + incidentId).getBytes())).setOccurredAt(at)
        .setSource("escalation-service").setIncidentId(incidentId).setActor(ALICE)
        .build();
  }

  static IncidentResolved resolved(String incidentId, Instant at) {
    return IncidentResolved.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("resolved-" + incidentId).getBytes())).setOccurredAt(at)
        .setSource("escalation-service").setIncidentId(incidentId).setActor(ALICE).setReason(ResolutionReason.alert_resolved)
        .build();
  }

  static RegionHealthChanged.Builder regionHealth(String region, RegionHealth health, Instant at) {
    return RegionHealthChanged.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("health-" + region + health + at).getBytes())).setOccurredAt(at)
        .setSource("failover-service").setRegionPair(PAIR).setRegion(region)
        .setRole(region.equals("us-east-1") ? RegionRole.primary : RegionRole.secondary).setHealth(health)
        .setReason("3 of 3 checkers failed HTTPS /health").setHealthyCheckers(health == RegionHealth.healthy ? 3 : 0)
        .setTotalCheckers(3);
  }

  static RegionHealthChanged unhealthy(String region, Instant at) {
    return regionHealth(region, RegionHealth.unhealthy, at).setFirstFailureAt(at).build();
  }

  static FailoverCompleted.Builder failover(Instant at) {
    return FailoverCompleted.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("failover-" + at).getBytes())).setOccurredAt(at).setSource("failover-service")
        .setRegionPair(PAIR).setFailoverId("fo-1").setDirection(FailoverDirection.failover).setFromRegion("us-east-1")
        .setToRegion("us-west-2").setTrigger(FailoverTrigger.automatic).setEpoch(2).setOutcome(RunOutcome.succeeded)
        .setActiveRegion("us-west-2").setRequestedAt(at.minusSeconds(90)).setStartedAt(at.minusSeconds(80)).setDurationMs(80_000);
  }

  static RegionRestored restored(String region, Instant at) {
    return RegionRestored.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("restored-" + region + at).getBytes())).setOccurredAt(at)
        .setSource("failover-service").setRegionPair(PAIR).setRegion(region).setRole(RegionRole.primary)
        .setHealthySince(at.minusSeconds(600)).setHealthyWindowMs(600_000)
        .build();
  }

  /** An administrator's change, by {@link #ALICE}, with a deterministic request id. */
  static StatusPageChangeRequested change(Object change, Instant at) {
    return StatusPageChangeRequested.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("change-" + change + at).getBytes())).setOccurredAt(at)
        .setSource("statuspage-service").setActor(ALICE).setChange(change)
        .build();
  }

  // ---- outputs ------------------------------------------------------------------------------------------------

  static <T extends SpecificRecord> List<T> eventsOf(List<Emission> emissions, Class<T> type) {
    return emissions.stream().map(Emission::value).filter(type::isInstance).map(type::cast).toList();
  }

  /** The one event of {@code type}; fails when there is none or more than one. */
  static <T extends SpecificRecord> T only(List<Emission> emissions, Class<T> type) {
    List<T> matching = eventsOf(emissions, type);
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + type.getSimpleName() + " but got " + types(emissions));
    }
    return matching.get(0);
  }

  static List<String> types(List<Emission> emissions) {
    return emissions.stream().map(emission -> emission.value() == null ? "tombstone" : emission.value().getClass().getSimpleName())
        .toList();
  }

  /** Each ComponentStatusChanged as {@code component: previous -> status}. */
  static List<String> statusChanges(List<Emission> emissions) {
    return eventsOf(emissions, ComponentStatusChanged.class).stream()
        .map(event -> event.getComponentId() + ": " + event.getPreviousStatus() + " -> " + event.getStatus()).toList();
  }
}
