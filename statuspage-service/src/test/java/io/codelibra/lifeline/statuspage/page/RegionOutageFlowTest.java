package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.PAIR;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.T0;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.configuredPage;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.eventsOf;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.failover;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.minutes;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.only;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.regionHealth;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.restored;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.statusChanges;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.types;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.unhealthy;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A region's outage on the page, through {@link StatusPageEngine#apply}: unhealthy -> failover completed -> restored. */
class RegionOutageFlowTest {

  private static final String OUTAGE_ID = "region-us-east-1-us-west-2-1709542800";

  private final StatusPageEngine engine = PageFixtures.engine();
  private final StatusPage page = configuredPage(engine);

  private ComponentStatus status(String componentId) {
    return page.component(componentId).orElseThrow().status();
  }

  private StatusIncidentState outage() {
    return page.incident(OUTAGE_ID).orElseThrow();
  }

  /** The outage incident posted at {@code postedAt} (its id carries the posting time). */
  private StatusIncidentState outage(Instant postedAt) {
    return page.incident("region-us-east-1-us-west-2-" + postedAt.getEpochSecond()).orElseThrow();
  }

  @Test
  void anUnhealthyRegionTakesItsComponentsToMajorOutageAndPostsAnInvestigatingIncidentFromTheTemplate() {
    RegionHealthChanged down = unhealthy("us-east-1", T0);

    List<Emission> emissions = engine.apply(page, down, T0);

    assertThat(types(emissions)).containsExactly("ComponentStatusChanged", "ComponentStatusChanged", "StatusIncidentUpdated");
    assertThat(statusChanges(emissions)).containsExactly("api: operational -> major_outage", "web: operational -> major_outage");
    assertThat(eventsOf(emissions, ComponentStatusChanged.class)).allSatisfy(changed -> {
      assertThat(changed.getReason()).isEqualTo("us-east-1 unhealthy: 3 of 3 checkers failed HTTPS /health");
      assertThat(changed.getCause().getType()).isEqualTo(StatusChangeCauseType.failover);
      assertThat(changed.getCause().getId()).isEqualTo(PAIR);
      assertThat(changed.getCause().getEventId()).isEqualTo(down.getEventId());
    });
    StatusIncidentState outage = outage();
    assertThat(outage.name()).isEqualTo("Outage in us-east-1");
    assertThat(outage.status()).isEqualTo(StatusIncidentStatus.investigating);
    assertThat(outage.impact()).isEqualTo(StatusIncidentImpact.critical);
    assertThat(outage.regionPair()).isEqualTo(PAIR);
    assertThat(outage.lifelineIncidentId()).isNull();
    assertThat(outage.templateId()).isEqualTo("region-outage");
    assertThat(outage.componentStatuses()).containsExactly(Map.entry("api", major_outage), Map.entry("web", major_outage));
    assertThat(outage.updates()).singleElement().satisfies(update -> {
      assertThat(update.status()).isEqualTo("investigating");
      assertThat(update.body()).isEqualTo("API, Web app unavailable in us-east-1 since 2024-03-04 09:00 UTC: "
          + "3 of 3 checkers failed HTTPS /health. Next update by 2024-03-04 09:30 UTC.");
      assertThat(update.affectedComponents()).containsExactly(new AffectedComponent("api", "API", operational, major_outage),
          new AffectedComponent("web", "Web app", operational, major_outage));
    });
    StatusIncidentUpdated posted = only(emissions, StatusIncidentUpdated.class);
    assertThat(posted.getRegionPair()).isEqualTo(PAIR);
    assertThat(posted.getAutomatic()).isTrue();
  }

  @Test
  void theWholeOutageFromUnhealthyThroughFailoverToRestored() {
    engine.apply(page, unhealthy("us-east-1", T0), T0);

    List<Emission> failedOver = engine.apply(page, failover(minutes(5)).build(), minutes(5));

    assertThat(statusChanges(failedOver))
        .containsExactly("api: major_outage -> degraded_performance", "web: major_outage -> degraded_performance");
    assertThat(eventsOf(failedOver, ComponentStatusChanged.class))
        .allSatisfy(changed -> assertThat(changed.getReason()).isEqualTo("traffic served from us-west-2 after failover"));
    StatusIncidentUpdated monitoring = only(failedOver, StatusIncidentUpdated.class);
    assertThat(monitoring.getStatus()).isEqualTo(StatusIncidentStatus.monitoring);
    assertThat(monitoring.getBody()).isEqualTo(
        "Traffic now served from us-west-2; API, Web app may be slower. Next update by 2024-03-04 09:35 UTC.");
    assertThat(outage().monitoringAt()).isEqualTo(minutes(5));
    assertThat(outage().impact()).isEqualTo(StatusIncidentImpact.critical);

    List<Emission> back = engine.apply(page, restored("us-east-1", minutes(60)), minutes(60));

    assertThat(statusChanges(back)).containsExactly("api: degraded_performance -> operational", "web: degraded_performance -> operational");
    assertThat(eventsOf(back, ComponentStatusChanged.class))
        .allSatisfy(changed -> assertThat(changed.getReason()).isEqualTo("us-east-1 restored"));
    StatusIncidentUpdated resolved = only(back, StatusIncidentUpdated.class);
    assertThat(resolved.getStatus()).isEqualTo(StatusIncidentStatus.resolved);
    assertThat(resolved.getBody()).isEqualTo("us-east-1 recovered at 2024-03-04 10:00 UTC; API, Web app fully operational.");

    StatusIncidentState outage = outage();
    assertThat(outage.open()).isFalse();
    assertThat(outage.resolvedAt()).isEqualTo(minutes(60));
    assertThat(outage.monitoringAt()).isEqualTo(minutes(5));
    assertThat(outage.updates()).extracting(PageUpdate::status).containsExactly("investigating", "monitoring", "resolved");
    assertThat(outage.updates().get(1).affectedComponents()).containsExactly(
        new AffectedComponent("api", "API", major_outage, degraded_performance),
        new AffectedComponent("web", "Web app", major_outage, degraded_performance));
    assertThat(page.components()).allSatisfy(component -> {
      assertThat(component.status()).isEqualTo(operational);
      assertThat(component.contributions()).isEmpty();
    });
  }

  @Test
  void theOutageStartsAtTheFirstFailedCheck() {
    RegionHealthChanged down = regionHealth("us-east-1", RegionHealth.unhealthy, minutes(3)).setFirstFailureAt(minutes(1)).build();

    engine.apply(page, down, minutes(3));

    assertThat(outage(minutes(3)).updates().get(0).body())
        .contains("since 2024-03-04 09:01 UTC").contains("Next update by 2024-03-04 09:33 UTC");
  }

  @Test
  void withoutAFirstFailureTheOutageStartsWhenTheRegionTurnedUnhealthy() {
    RegionHealthChanged down = regionHealth("us-east-1", RegionHealth.unhealthy, minutes(2)).build();

    engine.apply(page, down, minutes(3));

    assertThat(outage(minutes(3)).updates().get(0).body()).contains("since 2024-03-04 09:02 UTC");
  }

  @Test
  void aRepeatedUnhealthyJudgementOpensNoSecondOutage() {
    engine.apply(page, unhealthy("us-east-1", T0), T0);

    assertThat(engine.apply(page, unhealthy("us-east-1", minutes(2)), minutes(2))).isEmpty();
    assertThat(page.incidents()).hasSize(1);
  }

  @Test
  void aDryRunFailoverChangesNothing() {
    engine.apply(page, unhealthy("us-east-1", T0), T0);
    page.drainDirty();

    assertThat(engine.apply(page, failover(minutes(5)).setDryRun(true).build(), minutes(5))).isEmpty();
    assertThat(status("api")).isEqualTo(major_outage);
    assertThat(outage().status()).isEqualTo(StatusIncidentStatus.investigating);
    assertThat(page.drainDirty()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = RunOutcome.class, names = {"failed", "rolled_back", "aborted"})
  void aFailoverThatDidNotSucceedChangesNothing(RunOutcome outcome) {
    engine.apply(page, unhealthy("us-east-1", T0), T0);

    assertThat(engine.apply(page, failover(minutes(5)).setOutcome(outcome).build(), minutes(5))).isEmpty();
    assertThat(status("api")).isEqualTo(major_outage);
  }

  @Test
  void aPartlySucceededFailoverCountsAsDone() {
    engine.apply(page, unhealthy("us-east-1", T0), T0);

    engine.apply(page, failover(minutes(5)).setOutcome(RunOutcome.partially_succeeded).build(), minutes(5));

    assertThat(status("api")).isEqualTo(degraded_performance);
    assertThat(outage().status()).isEqualTo(StatusIncidentStatus.monitoring);
  }

  @Test
  void aFailbackChangesNothing() {
    engine.apply(page, unhealthy("us-east-1", T0), T0);

    List<Emission> failback = engine.apply(page, failover(minutes(5)).setDirection(FailoverDirection.failback)
        .setFromRegion("us-west-2").setToRegion("us-east-1").build(), minutes(5));

    assertThat(failback).isEmpty();
  }

  @Test
  void aDegradedRegionWithoutOutageShowsDegradedPerformanceWithoutIncidentUntilHealthy() {
    List<Emission> degraded = engine.apply(page, regionHealth("us-east-1", RegionHealth.degraded, T0).build(), T0);

    assertThat(statusChanges(degraded))
        .containsExactly("api: operational -> degraded_performance", "web: operational -> degraded_performance");
    assertThat(page.incidents()).isEmpty();

    List<Emission> healthy = engine.apply(page, regionHealth("us-east-1", RegionHealth.healthy, minutes(10)).build(), minutes(10));

    assertThat(statusChanges(healthy))
        .containsExactlyInAnyOrder("api: degraded_performance -> operational", "web: degraded_performance -> operational");
    assertThat(page.incidents()).isEmpty();
  }

  @Test
  void aDegradedRegionThatTurnsUnhealthyGoesToMajorOutage() {
    engine.apply(page, regionHealth("us-east-1", RegionHealth.degraded, T0).build(), T0);

    List<Emission> down = engine.apply(page, unhealthy("us-east-1", minutes(2)), minutes(2));

    assertThat(statusChanges(down)).containsExactly("api: degraded_performance -> major_outage", "web: degraded_performance -> major_outage");
    assertThat(page.component("api").orElseThrow().contributions()).hasSize(1);
  }

  @Test
  void healthReportsDuringAnOpenOutageLeaveItToTheRestore() {
    engine.apply(page, unhealthy("us-east-1", T0), T0);
    engine.apply(page, failover(minutes(5)).build(), minutes(5));

    assertThat(engine.apply(page, regionHealth("us-east-1", RegionHealth.healthy, minutes(20)).build(), minutes(20))).isEmpty();
    assertThat(engine.apply(page, regionHealth("us-east-1", RegionHealth.degraded, minutes(25)).build(), minutes(25))).isEmpty();
    assertThat(status("api")).isEqualTo(degraded_performance);
    assertThat(outage().open()).isTrue();
  }

  @Test
  void aRegionWithoutRuleChangesNothing() {
    assertThat(engine.apply(page, unhealthy("eu-west-1", T0), T0)).isEmpty();
    assertThat(engine.apply(page, restored("eu-west-1", T0), T0)).isEmpty();
    assertThat(page.incidents()).isEmpty();
  }

  @Test
  void aRestoreWithoutOpenOutageOnlyReleasesTheComponents() {
    engine.apply(page, regionHealth("us-east-1", RegionHealth.degraded, T0).build(), T0);

    List<Emission> back = engine.apply(page, restored("us-east-1", minutes(30)), minutes(30));

    assertThat(types(back)).containsExactly("ComponentStatusChanged", "ComponentStatusChanged");
    assertThat(page.incidents()).isEmpty();
  }

  @Test
  void aNewOutageAfterARestoreIsANewIncident() {
    engine.apply(page, unhealthy("us-east-1", T0), T0);
    engine.apply(page, restored("us-east-1", minutes(60)), minutes(60));

    engine.apply(page, unhealthy("us-east-1", minutes(120)), minutes(120));

    assertThat(page.incidents()).hasSize(2);
    assertThat(outage(minutes(120)).open()).isTrue();
    assertThat(outage().open()).isFalse();
  }

  @Test
  void anIncidentOnTheSameComponentsOutlastsTheRegionRestore() {
    engine.apply(page, unhealthy("us-east-1", T0), T0);
    engine.apply(page, PageFixtures.opened("inc-1", "checkout-api", Severity.SEV1, minutes(1)), minutes(1));

    engine.apply(page, restored("us-east-1", minutes(60)), minutes(60));

    assertThat(status("api")).isEqualTo(major_outage);
    assertThat(status("web")).isEqualTo(operational);
    assertThat(page.component("api").orElseThrow().contributions()).containsOnlyKeys("incident:inc-1");
  }
}
