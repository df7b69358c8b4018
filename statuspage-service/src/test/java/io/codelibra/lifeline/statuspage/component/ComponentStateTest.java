package io.codelibra.lifeline.statuspage.component;

import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;
import static io.codelibra.lifeline.events.ComponentStatus.under_maintenance;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComponentStateTest {

  private static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
  private static final ComponentDefinitionFields API =
      new ComponentDefinitionFields("api", "API", "Public REST API", "core", 1, true, false);

  private static Contribution incident(String id, ComponentStatus status) {
    return new Contribution(status, "incident " + id, StatusChangeCauseType.incident, id);
  }

  private static final Contribution MAINTENANCE =
      new Contribution(under_maintenance, "scheduled maintenance", StatusChangeCauseType.maintenance, "mw-1");

  @Test
  void aNewComponentIsOperationalWithNoCausesAndNoOverride() {
    ComponentState api = ComponentState.defined(API, T0);

    assertThat(api.status()).isEqualTo(operational);
    assertThat(api.derivedStatus()).isEqualTo(operational);
    assertThat(api.contributions()).isEmpty();
    assertThat(api.override()).isNull();
    assertThat(api.deciding()).isNull();
    assertThat(api.createdAt()).isEqualTo(T0);
    assertThat(api.updatedAt()).isEqualTo(T0);
  }

  @Test
  void theWorstCauseDecidesTheDerivedStatus() {
    ComponentState api = ComponentState.defined(API, T0)
        .withContribution(incident("inc-2", degraded_performance))
        .withContribution(incident("inc-1", major_outage))
        .withContribution(MAINTENANCE);

    assertThat(api.derivedStatus()).isEqualTo(major_outage);
    assertThat(api.deciding()).isEqualTo(incident("inc-1", major_outage));
  }

  @Test
  void withdrawingTheWorstCauseLeavesTheNextWorst() {
    ComponentState api = ComponentState.defined(API, T0)
        .withContribution(incident("inc-1", major_outage))
        .withContribution(incident("inc-2", partial_outage))
        .withoutContribution("incident:inc-1");

    assertThat(api.derivedStatus()).isEqualTo(partial_outage);
    assertThat(api.contributions()).containsOnlyKeys("incident:inc-2");
  }

  @Test
  void aCauseClaimingAgainReplacesItsEarlierClaim() {
    ComponentState api = ComponentState.defined(API, T0)
        .withContribution(new Contribution(major_outage, "us-east-1 unhealthy", StatusChangeCauseType.failover, "us-east-1/us-west-2"))
        .withContribution(new Contribution(degraded_performance, "after failover", StatusChangeCauseType.failover, "us-east-1/us-west-2"));

    assertThat(api.contributions()).hasSize(1);
    assertThat(api.derivedStatus()).isEqualTo(degraded_performance);
  }

  @Test
  void maintenanceAloneShowsUnderMaintenance() {
    assertThat(ComponentState.defined(API, T0).withContribution(MAINTENANCE).derivedStatus()).isEqualTo(under_maintenance);
  }

  @Test
  void anOverrideWinsOverWorseAndBetterCausesUntilReleased() {
    ComponentState held = ComponentState.defined(API, T0)
        .withContribution(incident("inc-1", major_outage))
        .withOverride(new HeldStatus(degraded_performance, "only slow for most", "alice", T0));

    assertThat(held.derivedStatus()).isEqualTo(degraded_performance);
    assertThat(held.withContribution(incident("inc-2", partial_outage)).derivedStatus()).isEqualTo(degraded_performance);
    assertThat(held.withoutContribution("incident:inc-1").derivedStatus()).isEqualTo(degraded_performance);

    ComponentState released = held.withOverride(null);
    assertThat(released.derivedStatus()).isEqualTo(major_outage);
    assertThat(released.withoutContribution("incident:inc-1").derivedStatus()).isEqualTo(operational);
  }

  @Test
  void anOverrideCanHoldOperationalDuringAnOutage() {
    ComponentState held = ComponentState.defined(API, T0)
        .withContribution(incident("inc-1", major_outage))
        .withOverride(new HeldStatus(operational, "false alarm", "alice", T0));

    assertThat(held.derivedStatus()).isEqualTo(operational);
  }

  @Test
  void derivingDoesNotChangeTheShownStatusUntilItIsSet() {
    ComponentState api = ComponentState.defined(API, T0).withContribution(incident("inc-1", major_outage));

    assertThat(api.status()).isEqualTo(operational);
    ComponentState shown = api.withStatus(api.derivedStatus(), T0.plusSeconds(60));
    assertThat(shown.status()).isEqualTo(major_outage);
    assertThat(shown.updatedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(shown.createdAt()).isEqualTo(T0);
  }

  @Test
  void redefiningKeepsStatusCausesOverrideAndCreation() {
    HeldStatus override = new HeldStatus(partial_outage, "held", "alice", T0);
    ComponentState api = ComponentState.defined(API, T0)
        .withContribution(incident("inc-1", major_outage))
        .withOverride(override)
        .withStatus(partial_outage, T0);

    ComponentState redefined = api.redefined(
        new ComponentDefinitionFields("api", "Public API", null, null, 4, false, true), T0.plusSeconds(600));

    assertThat(redefined.name()).isEqualTo("Public API");
    assertThat(redefined.description()).isNull();
    assertThat(redefined.groupId()).isNull();
    assertThat(redefined.position()).isEqualTo(4);
    assertThat(redefined.showcase()).isFalse();
    assertThat(redefined.onlyShowIfDegraded()).isTrue();
    assertThat(redefined.status()).isEqualTo(partial_outage);
    assertThat(redefined.contributions()).containsOnlyKeys("incident:inc-1");
    assertThat(redefined.override()).isEqualTo(override);
    assertThat(redefined.createdAt()).isEqualTo(T0);
    assertThat(redefined.updatedAt()).isEqualTo(T0.plusSeconds(600));
  }

  @Test
  void aContributionIsKeyedByItsCause() {
    assertThat(incident("abc", major_outage).key()).isEqualTo("incident:abc");
    assertThat(new Contribution(major_outage, "r", StatusChangeCauseType.failover, "us-east-1/us-west-2").key())
        .isEqualTo("failover:us-east-1/us-west-2");
  }

  @Test
  void changingCausesLeavesTheOriginalUntouched() {
    ComponentState api = ComponentState.defined(API, T0);

    api.withContribution(incident("inc-1", major_outage));

    assertThat(api.contributions()).isEmpty();
  }
}
