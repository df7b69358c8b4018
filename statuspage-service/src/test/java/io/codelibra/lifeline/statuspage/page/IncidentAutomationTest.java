package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.T0;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.acknowledged;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.configuredPage;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.eventsOf;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.minutes;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.only;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.opened;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.opening;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.resolved;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.statusChanges;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lifeline incidents on the page, through {@link StatusPageEngine#apply}. */
class IncidentAutomationTest {

  private final StatusPageEngine engine = PageFixtures.engine();
  private final StatusPage page = configuredPage(engine);

  private ComponentStatus status(String componentId) {
    return page.component(componentId).orElseThrow().status();
  }

  private StatusIncidentState incident(String id) {
    return page.incident(id).orElseThrow();
  }

  @Test
  void aSev1OfAMappedServiceTakesItsComponentsToMajorOutageAndPostsACriticalIncidentFromTheTemplate() {
    IncidentOpened sev1 = opened("inc-1", "checkout-api", Severity.SEV1, T0);

    List<Emission> emissions = engine.apply(page, sev1, T0);

    assertThat(types(emissions)).containsExactly("ComponentStatusChanged", "ComponentStatusChanged", "StatusIncidentUpdated");
    assertThat(statusChanges(emissions)).containsExactly("checkout: operational -> major_outage", "api: operational -> major_outage");
    assertThat(status("checkout")).isEqualTo(major_outage);
    assertThat(status("api")).isEqualTo(major_outage);
    assertThat(status("web")).isEqualTo(operational);

    StatusIncidentState incident = incident("lifeline-inc-1");
    assertThat(incident.name()).isEqualTo("Checkout outage");
    assertThat(incident.status()).isEqualTo(StatusIncidentStatus.investigating);
    assertThat(incident.impact()).isEqualTo(StatusIncidentImpact.critical);
    assertThat(incident.componentStatuses()).containsExactly(Map.entry("checkout", major_outage), Map.entry("api", major_outage));
    assertThat(incident.templateId()).isEqualTo("service-outage");
    assertThat(incident.lifelineIncidentId()).isEqualTo("inc-1");
    assertThat(incident.regionPair()).isNull();
    assertThat(incident.createdAt()).isEqualTo(T0);
    assertThat(incident.updates()).singleElement().satisfies(update -> {
      assertThat(update.status()).isEqualTo("investigating");
      assertThat(update.body()).isEqualTo("Checkout, API failing since 2024-03-04 09:00 UTC (SEV1: Checkout error rate above 5%). "
          + "Next update by 2024-03-04 09:30 UTC.");
      assertThat(update.affectedComponents()).containsExactly(
          new AffectedComponent("checkout", "Checkout", operational, major_outage),
          new AffectedComponent("api", "API", operational, major_outage));
    });
  }

  @Test
  void theEventsSayWhatCausedTheChangeAndWhere() {
    IncidentOpened sev1 = opened("inc-1", "checkout-api", Severity.SEV1, T0);

    List<Emission> emissions = engine.apply(page, sev1, T0);

    Emission checkout = emissions.get(0);
    assertThat(checkout.topic()).isEqualTo(Topics.STATUS_COMPONENTS.name());
    assertThat(checkout.key()).isEqualTo("checkout");
    ComponentStatusChanged changed = (ComponentStatusChanged) checkout.value();
    assertThat(changed.getComponentName()).isEqualTo("Checkout");
    assertThat(changed.getGroupId()).isEqualTo("core");
    assertThat(changed.getOccurredAt()).isEqualTo(T0);
    assertThat(changed.getSource()).isEqualTo(PageEvents.SOURCE);
    assertThat(changed.getReason()).isEqualTo("SEV1 incident: Checkout error rate above 5%");
    assertThat(changed.getCause().getType()).isEqualTo(StatusChangeCauseType.incident);
    assertThat(changed.getCause().getId()).isEqualTo("inc-1");
    assertThat(changed.getCause().getEventId()).isEqualTo(sev1.getEventId());
    assertThat(changed.getManualOverride()).isFalse();
    assertThat(changed.getActor()).isEqualTo(PageEvents.SYSTEM);

    Emission posted = emissions.get(2);
    assertThat(posted.topic()).isEqualTo(Topics.STATUS_INCIDENTS.name());
    assertThat(posted.key()).isEqualTo("lifeline-inc-1");
    StatusIncidentUpdated updated = (StatusIncidentUpdated) posted.value();
    assertThat(updated.getIncidentId()).isEqualTo("lifeline-inc-1");
    assertThat(updated.getName()).isEqualTo("Checkout outage");
    assertThat(updated.getStatus()).isEqualTo(StatusIncidentStatus.investigating);
    assertThat(updated.getImpact()).isEqualTo(StatusIncidentImpact.critical);
    assertThat(updated.getUpdateId()).isEqualTo(incident("lifeline-inc-1").updates().get(0).id());
    assertThat(updated.getComponentIds()).containsExactly("checkout", "api");
    assertThat(updated.getTemplateId()).isEqualTo("service-outage");
    assertThat(updated.getLifelineIncidentId()).isEqualTo("inc-1");
    assertThat(updated.getCreatedAt()).isEqualTo(T0);
    assertThat(updated.getAutomatic()).isTrue();
    assertThat(updated.getActor()).isEqualTo(PageEvents.SYSTEM);
  }

  @Test
  void anIncidentNoRuleMapsChangesNothing() {
    List<Emission> sev3 = engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV3, T0), T0);
    List<Emission> otherService = engine.apply(page, opened("inc-2", "billing", Severity.SEV1, T0), T0);

    assertThat(sev3).isEmpty();
    assertThat(otherService).isEmpty();
    assertThat(page.incidents()).isEmpty();
    assertThat(page.components()).allSatisfy(component -> assertThat(component.status()).isEqualTo(operational));
    assertThat(page.drainDirty()).isEmpty();
  }

  @Test
  void anIncidentOpenedWhileSuppressedByMaintenanceChangesNothing() {
    IncidentOpened suppressed = opening("inc-1", "checkout-api", Severity.SEV1, T0).setSuppressed(true).setMaintenanceId("mw-1").build();

    assertThat(engine.apply(page, suppressed, T0)).isEmpty();
    assertThat(page.incidents()).isEmpty();
    assertThat(status("checkout")).isEqualTo(operational);
    assertThat(page.drainDirty()).isEmpty();
  }

  @Test
  void aRuleWithoutTemplateChangesItsComponentsWithoutPostingAnIncident() {
    List<Emission> emissions = engine.apply(page, opened("inc-1", "search", Severity.SEV4, T0), T0);

    assertThat(statusChanges(emissions)).containsExactly("web: operational -> degraded_performance");
    assertThat(eventsOf(emissions, StatusIncidentUpdated.class)).isEmpty();
    assertThat(page.incidents()).isEmpty();

    assertThat(statusChanges(engine.apply(page, resolved("inc-1", minutes(10)), minutes(10))))
        .containsExactly("web: degraded_performance -> operational");
  }

  @Test
  void theWorstOfTwoIncidentsOnAComponentShowsAndResolvingItLeavesTheOther() {
    engine.apply(page, opened("inc-2", "checkout-api", Severity.SEV2, T0), T0);
    assertThat(status("checkout")).isEqualTo(partial_outage);

    List<Emission> worse = engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, minutes(5)), minutes(5));
    assertThat(statusChanges(worse)).containsExactly("checkout: partial_outage -> major_outage", "api: operational -> major_outage");

    List<Emission> firstResolved = engine.apply(page, resolved("inc-1", minutes(20)), minutes(20));
    assertThat(statusChanges(firstResolved))
        .containsExactlyInAnyOrder("checkout: major_outage -> partial_outage", "api: major_outage -> operational");
    assertThat(page.component("checkout").orElseThrow().contributions()).containsOnlyKeys("incident:inc-2");
    assertThat(incident("lifeline-inc-2").open()).isTrue();

    List<Emission> secondResolved = engine.apply(page, resolved("inc-2", minutes(30)), minutes(30));
    assertThat(statusChanges(secondResolved)).containsExactly("checkout: partial_outage -> operational");
  }

  @Test
  void aBetterIncidentOnAComponentAlreadyWorseChangesNothingShown() {
    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);

    List<Emission> emissions = engine.apply(page, opened("inc-2", "checkout-api", Severity.SEV2, minutes(5)), minutes(5));

    assertThat(statusChanges(emissions)).isEmpty();
    assertThat(status("checkout")).isEqualTo(major_outage);
    assertThat(incident("lifeline-inc-2").updates().get(0).affectedComponents()).isEmpty();
  }

  @Test
  void anAcknowledgementPostsIdentifiedWhenTheTemplateHasIt() {
    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);

    List<Emission> emissions = engine.apply(page, acknowledged("inc-1", minutes(10)), minutes(10));

    StatusIncidentUpdated updated = only(emissions, StatusIncidentUpdated.class);
    assertThat(types(emissions)).containsExactly("StatusIncidentUpdated");
    assertThat(updated.getStatus()).isEqualTo(StatusIncidentStatus.identified);
    assertThat(updated.getBody()).isEqualTo("We found the cause of the Checkout outage.");
    assertThat(updated.getName()).isEqualTo("Checkout outage");
    assertThat(updated.getImpact()).isEqualTo(StatusIncidentImpact.critical);
    assertThat(incident("lifeline-inc-1").updates()).extracting(PageUpdate::status).containsExactly("investigating", "identified");
    assertThat(status("checkout")).isEqualTo(major_outage);
  }

  @Test
  void anAcknowledgementPostsNothingWhenTheTemplateHasNoIdentifiedText() {
    engine.apply(page, opened("inc-2", "checkout-api", Severity.SEV2, T0), T0);
    page.drainDirty();

    assertThat(engine.apply(page, acknowledged("inc-2", minutes(10)), minutes(10))).isEmpty();
    assertThat(incident("lifeline-inc-2").status()).isEqualTo(StatusIncidentStatus.investigating);
    assertThat(page.drainDirty()).isEmpty();
  }

  @Test
  void onlyTheFirstAcknowledgementOfAnIncidentOnThePagePostsAnUpdate() {
    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);
    engine.apply(page, acknowledged("inc-1", minutes(10)), minutes(10));

    assertThat(engine.apply(page, acknowledged("inc-1", minutes(11)), minutes(11))).isEmpty();
    assertThat(engine.apply(page, acknowledged("inc-9", minutes(11)), minutes(11))).isEmpty();
  }

  @Test
  void aResolutionReturnsTheComponentsToOperationalAndResolvesTheIncident() {
    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);
    engine.apply(page, acknowledged("inc-1", minutes(10)), minutes(10));

    List<Emission> emissions = engine.apply(page, resolved("inc-1", minutes(40)), minutes(40));

    assertThat(types(emissions)).containsExactly("ComponentStatusChanged", "ComponentStatusChanged", "StatusIncidentUpdated");
    assertThat(statusChanges(emissions))
        .containsExactlyInAnyOrder("checkout: major_outage -> operational", "api: major_outage -> operational");
    assertThat(eventsOf(emissions, ComponentStatusChanged.class)).allSatisfy(changed -> {
      assertThat(changed.getReason()).isEqualTo("incident inc-1 resolved");
      assertThat(changed.getCause().getId()).isEqualTo("inc-1");
    });
    StatusIncidentState incident = incident("lifeline-inc-1");
    assertThat(incident.status()).isEqualTo(StatusIncidentStatus.resolved);
    assertThat(incident.open()).isFalse();
    assertThat(incident.resolvedAt()).isEqualTo(minutes(40));
    assertThat(incident.updatedAt()).isEqualTo(minutes(40));
    assertThat(incident.updates()).extracting(PageUpdate::status).containsExactly("investigating", "identified", "resolved");
    PageUpdate resolution = incident.updates().get(2);
    assertThat(resolution.body()).isEqualTo("Checkout, API recovered (alert_resolved).");
    assertThat(resolution.affectedComponents()).containsExactlyInAnyOrder(
        new AffectedComponent("checkout", "Checkout", major_outage, operational),
        new AffectedComponent("api", "API", major_outage, operational));
    assertThat(page.components()).allSatisfy(component -> assertThat(component.contributions()).isEmpty());
  }

  @Test
  void aResolutionOfAnIncidentThePageDoesNotKnowOrAlreadyResolvedChangesNothing() {
    assertThat(engine.apply(page, resolved("inc-9", T0), T0)).isEmpty();

    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);
    engine.apply(page, resolved("inc-1", minutes(10)), minutes(10));
    page.drainDirty();

    assertThat(engine.apply(page, resolved("inc-1", minutes(11)), minutes(11))).isEmpty();
    assertThat(page.drainDirty()).isEmpty();
  }

  @Test
  void anIncidentOnTheUptimeHistoryShowsAsItsSpans() {
    engine.apply(page, opened("inc-1", "search", Severity.SEV2, T0), minutes(1));
    engine.apply(page, resolved("inc-1", minutes(30)), minutes(30));

    assertThat(page.history("web").orElseThrow().spans()).extracting(span -> span.from() + " " + span.status())
        .containsExactly(T0 + " operational", minutes(1) + " degraded_performance", minutes(30) + " operational");
    assertThat(page.history("api").orElseThrow().spans()).hasSize(1);
  }

  @Test
  void componentsOfARuleThatAreNotOnThePageAreSkipped() {
    StatusPage partial = new StatusPage(PageFixtures.SETTINGS);
    new StatusPageEngine(new PageDefinition(List.of(), List.of(PageFixtures.DEFINITION.components().get(0))),
        PageFixtures.RULES, PageFixtures.TEMPLATES, PageFixtures.sequentialIds()).configure(partial, T0);

    List<Emission> emissions = engine.apply(partial, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);

    assertThat(statusChanges(emissions)).containsExactly("api: operational -> major_outage");
    assertThat(partial.incident("lifeline-inc-1").orElseThrow().componentStatuses()).containsOnlyKeys("api");
    assertThat(partial.incident("lifeline-inc-1").orElseThrow().name()).isEqualTo("API outage");
  }

  @Test
  void incidentsOfRulesWhoseComponentsAreAllMissingPostNothing() {
    StatusPage empty = new StatusPage(PageFixtures.SETTINGS);

    assertThat(engine.apply(empty, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0)).isEmpty();
    assertThat(empty.incidents()).isEmpty();
  }

  @Test
  void eventsOfOtherTypesChangeNothing() {
    AlertRaised alert = AlertRaised.newBuilder()
        .setEventId(UUID.randomUUID()).setOccurredAt(T0).setSource("alertmanager:prod").setFingerprint("fp-1")
        .setSourceType(AlertSourceType.alertmanager).setService("checkout-api").setSeverity(Severity.SEV1)
        .setSummary("Checkout error rate above 5%")
        .build();

    assertThat(engine.apply(page, alert, T0)).isEmpty();
    assertThat(page.drainDirty()).isEmpty();
  }
}
