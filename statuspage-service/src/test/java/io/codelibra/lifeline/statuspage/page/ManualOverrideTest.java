package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.ALICE;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.T0;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.change;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.configuredPage;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.minutes;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.only;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.opened;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.resolved;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.statusChanges;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.unhealthy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.ComponentOverride;
import io.codelibra.lifeline.events.ComponentOverrideRelease;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.events.StatusPageChangeRequested;
import io.codelibra.lifeline.statuspage.component.HeldStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operators' overrides: they win over automation until released, then the derived status shows again. */
class ManualOverrideTest {

  private final StatusPageEngine engine = PageFixtures.engine();
  private final StatusPage page = configuredPage(engine);

  private static StatusPageChangeRequested override(String componentId, ComponentStatus status, Instant at) {
    return change(ComponentOverride.newBuilder().setComponentId(componentId).setStatus(status).setReason("EU customers only").build(), at);
  }

  private static StatusPageChangeRequested release(String componentId, Instant at) {
    return change(ComponentOverrideRelease.newBuilder().setComponentId(componentId).setReason("all clear").build(), at);
  }

  private ComponentStatus status(String componentId) {
    return page.component(componentId).orElseThrow().status();
  }

  @Test
  void anOverrideSetsTheStatusAtOnceAndSaysWhoHeldIt() {
    StatusPageChangeRequested request = override("api", partial_outage, T0);

    List<Emission> emissions = engine.apply(page, request, T0);

    ComponentStatusChanged changed = only(emissions, ComponentStatusChanged.class);
    assertThat(statusChanges(emissions)).containsExactly("api: operational -> partial_outage");
    assertThat(changed.getManualOverride()).isTrue();
    assertThat(changed.getReason()).isEqualTo("manual override: EU customers only");
    assertThat(changed.getCause().getType()).isEqualTo(StatusChangeCauseType.manual);
    assertThat(changed.getCause().getId()).isNull();
    assertThat(changed.getCause().getEventId()).isEqualTo(request.getEventId());
    assertThat(changed.getActor()).isEqualTo(ALICE);
    assertThat(page.component("api").orElseThrow().override()).isEqualTo(new HeldStatus(partial_outage, "EU customers only", "alice", T0));
  }

  @Test
  void automationDoesNotMoveAnOverriddenComponentButStillRecordsItsCause() {
    engine.apply(page, override("api", partial_outage, T0), T0);

    List<Emission> incident = engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, minutes(1)), minutes(1));

    assertThat(statusChanges(incident)).containsExactly("checkout: operational -> major_outage");
    assertThat(status("api")).isEqualTo(partial_outage);
    assertThat(page.component("api").orElseThrow().contributions()).containsOnlyKeys("incident:inc-1");
    assertThat(page.incident("lifeline-inc-1").orElseThrow().updates().get(0).affectedComponents())
        .extracting(affected -> affected.code()).containsExactly("checkout");
  }

  @Test
  void releasingReturnsToTheStatusAutomationDerives() {
    engine.apply(page, override("api", partial_outage, T0), T0);
    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, minutes(1)), minutes(1));

    List<Emission> released = engine.apply(page, release("api", minutes(2)), minutes(2));

    ComponentStatusChanged changed = only(released, ComponentStatusChanged.class);
    assertThat(statusChanges(released)).containsExactly("api: partial_outage -> major_outage");
    assertThat(changed.getManualOverride()).isFalse();
    assertThat(changed.getReason()).isEqualTo("manual override released: all clear");
    assertThat(page.component("api").orElseThrow().override()).isNull();

    assertThat(statusChanges(engine.apply(page, resolved("inc-1", minutes(3)), minutes(3))))
        .contains("api: major_outage -> operational");
  }

  @Test
  void anOverrideHoldsThroughTheEndOfEveryCauseUntilReleased() {
    engine.apply(page, unhealthy("us-east-1", T0), T0);
    engine.apply(page, override("web", major_outage, minutes(1)), minutes(1));

    List<Emission> restored = engine.apply(page, PageFixtures.restored("us-east-1", minutes(30)), minutes(30));

    assertThat(statusChanges(restored)).containsExactly("api: major_outage -> operational");
    assertThat(status("web")).isEqualTo(major_outage);
    assertThat(statusChanges(engine.apply(page, release("web", minutes(40)), minutes(40))))
        .containsExactly("web: major_outage -> operational");
  }

  @Test
  void anOverrideCanHoldOperationalWhileAutomationSeesAnOutage() {
    engine.apply(page, opened("inc-1", "search", Severity.SEV2, T0), T0);

    List<Emission> held = engine.apply(page, override("web", operational, minutes(1)), minutes(1));

    assertThat(statusChanges(held)).containsExactly("web: degraded_performance -> operational");
    assertThat(only(held, ComponentStatusChanged.class).getManualOverride()).isTrue();
  }

  @Test
  void aNewerOverrideReplacesTheEarlierOne() {
    engine.apply(page, override("api", partial_outage, T0), T0);

    List<Emission> emissions = engine.apply(page, override("api", degraded_performance, minutes(1)), minutes(1));

    assertThat(statusChanges(emissions)).containsExactly("api: partial_outage -> degraded_performance");
    assertThat(statusChanges(engine.apply(page, release("api", minutes(2)), minutes(2))))
        .containsExactly("api: degraded_performance -> operational");
  }

  @Test
  void releasingAComponentWithoutOverrideIsRefused() {
    assertThatThrownBy(() -> engine.apply(page, release("api", T0), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("component api has no override to release");
  }

  @Test
  void overridingAnUnknownComponentIsRefused() {
    assertThatThrownBy(() -> engine.apply(page, override("nope", major_outage, T0), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no component nope");
    assertThatThrownBy(() -> engine.apply(page, release("nope", T0), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no component nope");
  }
}
