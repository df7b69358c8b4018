package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.under_maintenance;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.ALICE;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.T0;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.change;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.configuredPage;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.eventsOf;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.minutes;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.only;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.opened;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.resolved;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.statusChanges;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.MaintenanceCompleted;
import io.codelibra.lifeline.events.MaintenanceOutcome;
import io.codelibra.lifeline.events.MaintenancePlan;
import io.codelibra.lifeline.events.MaintenanceScheduled;
import io.codelibra.lifeline.events.MaintenanceStarted;
import io.codelibra.lifeline.events.MaintenanceStep;
import io.codelibra.lifeline.events.MaintenanceStepKind;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.schemas.topics.Topics;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceTransitionException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheduled maintenance on the page: planned by an operator, started and completed by {@link StatusPageEngine#tick}. */
class MaintenanceFlowTest {

  private final StatusPageEngine engine = PageFixtures.engine();
  private final StatusPage page = configuredPage(engine);

  /** Database upgrade of API and Web app from T0+60 to T0+180, started and completed automatically. */
  private static MaintenancePlan.Builder plan() {
    return MaintenancePlan.newBuilder().setMaintenanceId("mw-1").setTitle("Database upgrade").setDescription("PostgreSQL 16")
        .setComponentIds(List.of("api", "web")).setScheduledFor(minutes(60)).setScheduledUntil(minutes(180));
  }

  private List<Emission> schedule(MaintenancePlan.Builder plan) {
    return engine.apply(page, change(plan.build(), T0), T0);
  }

  private List<Emission> step(MaintenanceStepKind kind, String note, Instant at) {
    return engine.apply(page, change(MaintenanceStep.newBuilder().setMaintenanceId("mw-1").setStep(kind).setNote(note).build(), at), at);
  }

  private MaintenanceState window() {
    return page.maintenance("mw-1").orElseThrow();
  }

  private ComponentStatus status(String componentId) {
    return page.component(componentId).orElseThrow().status();
  }

  @Test
  void planningSchedulesTheWindowWithoutTouchingItsComponents() {
    List<Emission> emissions = schedule(plan());

    assertThat(types(emissions)).containsExactly("MaintenanceScheduled");
    assertThat(emissions.get(0).topic()).isEqualTo(Topics.STATUS_MAINTENANCE.name());
    assertThat(emissions.get(0).key()).isEqualTo("mw-1");
    MaintenanceScheduled scheduled = only(emissions, MaintenanceScheduled.class);
    assertThat(scheduled.getTitle()).isEqualTo("Database upgrade");
    assertThat(scheduled.getDescription()).isEqualTo("PostgreSQL 16");
    assertThat(scheduled.getComponentIds()).containsExactly("api", "web");
    assertThat(scheduled.getScheduledFor()).isEqualTo(minutes(60));
    assertThat(scheduled.getScheduledUntil()).isEqualTo(minutes(180));
    assertThat(scheduled.getAutoStart()).isTrue();
    assertThat(scheduled.getAutoComplete()).isTrue();
    assertThat(scheduled.getSuppressAlerts()).isTrue();
    assertThat(scheduled.getActor()).isEqualTo(ALICE);

    MaintenanceState window = window();
    assertThat(window.phase()).isEqualTo(MaintenancePhase.scheduled);
    assertThat(window.updates()).singleElement().satisfies(update -> {
      assertThat(update.status()).isEqualTo("scheduled");
      assertThat(update.body()).isEqualTo("PostgreSQL 16");
    });
    assertThat(window.nextDueAt()).isEqualTo(minutes(60));
    assertThat(status("api")).isEqualTo(operational);
  }

  @Test
  void theWholeWindowRunsByItselfAtItsTimes() {
    schedule(plan());
    page.drainDirty();

    assertThat(engine.tick(page, minutes(30))).isEmpty();
    assertThat(page.drainDirty()).isEmpty();

    List<Emission> start = engine.tick(page, minutes(60));
    assertThat(types(start)).containsExactly("ComponentStatusChanged", "ComponentStatusChanged", "MaintenanceStarted");
    assertThat(statusChanges(start)).containsExactly("api: operational -> under_maintenance", "web: operational -> under_maintenance");
    assertThat(eventsOf(start, ComponentStatusChanged.class)).allSatisfy(changed -> {
      assertThat(changed.getReason()).isEqualTo("scheduled maintenance: Database upgrade");
      assertThat(changed.getCause().getType()).isEqualTo(StatusChangeCauseType.maintenance);
      assertThat(changed.getCause().getId()).isEqualTo("mw-1");
      assertThat(changed.getActor()).isEqualTo(PageEvents.SYSTEM);
    });
    MaintenanceStarted started = only(start, MaintenanceStarted.class);
    assertThat(started.getAutomatic()).isTrue();
    assertThat(started.getComponentIds()).containsExactly("api", "web");
    assertThat(started.getScheduledUntil()).isEqualTo(minutes(180));
    assertThat(started.getSuppressAlerts()).isTrue();
    assertThat(window().phase()).isEqualTo(MaintenancePhase.in_progress);
    assertThat(window().startedAt()).isEqualTo(minutes(60));
    assertThat(window().updates().get(1).body()).isEqualTo("The scheduled maintenance has begun.");
    assertThat(window().updates().get(1).affectedComponents()).containsExactly(
        new AffectedComponent("api", "API", operational, under_maintenance),
        new AffectedComponent("web", "Web app", operational, under_maintenance));
    assertThat(page.drainDirty()).containsExactlyInAnyOrder(
        "component/api", "history/api", "component/web", "history/web", "maintenance/mw-1");

    assertThat(engine.tick(page, minutes(61))).isEmpty();

    List<Emission> verify = step(MaintenanceStepKind.verify, "Checking the replicas.", minutes(150));
    assertThat(verify).isEmpty();
    assertThat(window().phase()).isEqualTo(MaintenancePhase.verifying);
    assertThat(window().updates().get(2).body()).isEqualTo("Checking the replicas.");
    assertThat(status("api")).isEqualTo(under_maintenance);

    List<Emission> end = engine.tick(page, minutes(180));
    assertThat(types(end)).containsExactly("ComponentStatusChanged", "ComponentStatusChanged", "MaintenanceCompleted");
    assertThat(statusChanges(end)).containsExactlyInAnyOrder("api: under_maintenance -> operational", "web: under_maintenance -> operational");
    MaintenanceCompleted completed = only(end, MaintenanceCompleted.class);
    assertThat(completed.getAutomatic()).isTrue();
    assertThat(completed.getOutcome()).isEqualTo(MaintenanceOutcome.completed);
    assertThat(completed.getStartedAt()).isEqualTo(minutes(60));
    assertThat(completed.getDurationMs()).isEqualTo(120 * 60_000L);
    assertThat(completed.getNote()).isNull();
    assertThat(completed.getActor()).isEqualTo(PageEvents.SYSTEM);

    MaintenanceState window = window();
    assertThat(window.phase()).isEqualTo(MaintenancePhase.completed);
    assertThat(window.completedAt()).isEqualTo(minutes(180));
    assertThat(window.nextDueAt()).isNull();
    assertThat(window.updates()).extracting(PageUpdate::status).containsExactly("scheduled", "in_progress", "verifying", "completed");
    assertThat(window.updates().get(3).body()).isEqualTo("The scheduled maintenance has been completed.");
    assertThat(page.components()).allSatisfy(component -> assertThat(component.contributions()).isEmpty());

    assertThat(engine.tick(page, minutes(600))).isEmpty();
  }

  @Test
  void aWindowThatPassedEntirelyWhileTheServiceWasDownIsStartedAndCompletedOnTheNextTick() {
    schedule(plan());

    List<Emission> late = engine.tick(page, minutes(240));

    assertThat(types(late)).containsExactly("ComponentStatusChanged", "ComponentStatusChanged", "MaintenanceStarted",
        "ComponentStatusChanged", "ComponentStatusChanged", "MaintenanceCompleted");
    assertThat(window().phase()).isEqualTo(MaintenancePhase.completed);
    assertThat(window().outcome()).isEqualTo(MaintenanceOutcome.completed);
    assertThat(window().updates()).extracting(PageUpdate::status).containsExactly("scheduled", "in_progress", "completed");
    assertThat(status("api")).isEqualTo(operational);
    assertThat(only(late, MaintenanceCompleted.class).getDurationMs()).isZero();
  }

  @Test
  void aLateTickStillStartsAWindowThatHasNotEnded() {
    schedule(plan());

    engine.tick(page, minutes(90));

    assertThat(window().phase()).isEqualTo(MaintenancePhase.in_progress);
    assertThat(window().startedAt()).isEqualTo(minutes(90));
  }

  @Test
  void aWindowWithoutAutomationWaitsForTheOperator() {
    schedule(plan().setAutoStart(false).setAutoComplete(false));

    assertThat(engine.tick(page, minutes(600))).isEmpty();

    List<Emission> start = step(MaintenanceStepKind.start, null, minutes(601));
    assertThat(only(start, MaintenanceStarted.class).getAutomatic()).isFalse();
    assertThat(only(start, MaintenanceStarted.class).getActor()).isEqualTo(ALICE);
    assertThat(window().updates().get(1).body()).isEqualTo("The maintenance has begun.");
    assertThat(engine.tick(page, minutes(900))).isEmpty();

    List<Emission> complete = step(MaintenanceStepKind.complete, "All done.", minutes(660));
    MaintenanceCompleted completed = only(complete, MaintenanceCompleted.class);
    assertThat(completed.getAutomatic()).isFalse();
    assertThat(completed.getNote()).isEqualTo("All done.");
    assertThat(completed.getDurationMs()).isEqualTo(59 * 60_000L);
    assertThat(status("web")).isEqualTo(operational);
  }

  @Test
  void cancellingBeforeTheStartEndsTheWindowAndNothingStarts() {
    schedule(plan());

    List<Emission> cancelled = step(MaintenanceStepKind.cancel, "Postponed.", minutes(10));

    MaintenanceCompleted completed = only(cancelled, MaintenanceCompleted.class);
    assertThat(types(cancelled)).containsExactly("MaintenanceCompleted");
    assertThat(completed.getOutcome()).isEqualTo(MaintenanceOutcome.cancelled);
    assertThat(completed.getStartedAt()).isNull();
    assertThat(completed.getDurationMs()).isNull();
    assertThat(completed.getAutomatic()).isFalse();
    assertThat(completed.getNote()).isEqualTo("Postponed.");
    assertThat(window().phase()).isEqualTo(MaintenancePhase.completed);
    assertThat(engine.tick(page, minutes(60))).isEmpty();
    assertThat(status("api")).isEqualTo(operational);
  }

  @Test
  void cancellingAWindowInProgressReleasesItsComponents() {
    schedule(plan());
    engine.tick(page, minutes(60));

    List<Emission> cancelled = step(MaintenanceStepKind.cancel, null, minutes(70));

    assertThat(statusChanges(cancelled)).containsExactlyInAnyOrder("api: under_maintenance -> operational",
        "web: under_maintenance -> operational");
    assertThat(only(cancelled, MaintenanceCompleted.class).getOutcome()).isEqualTo(MaintenanceOutcome.cancelled);
    assertThat(window().updates().get(2).body()).isEqualTo("The scheduled maintenance has been cancelled.");
  }

  @Test
  void anOutageDuringMaintenanceShowsAndTheComponentReturnsToMaintenanceAfterIt() {
    schedule(plan());
    engine.tick(page, minutes(60));

    List<Emission> outage = engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, minutes(70)), minutes(70));
    assertThat(statusChanges(outage)).contains("api: under_maintenance -> major_outage");

    List<Emission> fixed = engine.apply(page, resolved("inc-1", minutes(80)), minutes(80));
    assertThat(statusChanges(fixed)).contains("api: major_outage -> under_maintenance");

    engine.tick(page, minutes(180));
    assertThat(status("api")).isEqualTo(operational);
  }

  @Test
  void completingWhileAnIncidentHoldsTheComponentLeavesTheIncidentsStatus() {
    schedule(plan());
    engine.tick(page, minutes(60));
    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, minutes(70)), minutes(70));

    List<Emission> end = engine.tick(page, minutes(180));

    assertThat(statusChanges(end)).containsExactly("web: under_maintenance -> operational");
    assertThat(status("api")).isEqualTo(major_outage);
  }

  @Test
  void reschedulingMovesTheAutomaticStart() {
    schedule(plan());

    List<Emission> moved = engine.apply(page, change(plan().setScheduledFor(minutes(120)).setScheduledUntil(minutes(240)).build(),
        minutes(5)), minutes(5));

    assertThat(types(moved)).containsExactly("MaintenanceScheduled");
    assertThat(window().createdAt()).isEqualTo(T0);
    assertThat(window().updates()).hasSize(1);
    assertThat(engine.tick(page, minutes(60))).isEmpty();
    assertThat(engine.tick(page, minutes(120))).extracting(Emission::value).hasAtLeastOneElementOfType(MaintenanceStarted.class);
  }

  @Test
  void aWindowThatStartedCannotBeRescheduled() {
    schedule(plan());
    engine.tick(page, minutes(60));

    assertThatThrownBy(() -> schedule(plan().setScheduledUntil(minutes(300))))
        .isInstanceOf(MaintenanceTransitionException.class).hasMessageContaining("only a scheduled window can be rescheduled");
  }

  @Test
  void stepsThePhaseDoesNotAllowAreRefused() {
    schedule(plan());

    assertThatThrownBy(() -> step(MaintenanceStepKind.verify, null, minutes(10)))
        .isInstanceOf(MaintenanceTransitionException.class).hasMessageContaining("cannot verify maintenance mw-1: it is scheduled");

    step(MaintenanceStepKind.start, null, minutes(10));
    assertThatThrownBy(() -> step(MaintenanceStepKind.start, null, minutes(11))).isInstanceOf(MaintenanceTransitionException.class);

    step(MaintenanceStepKind.complete, null, minutes(12));
    assertThatThrownBy(() -> step(MaintenanceStepKind.cancel, null, minutes(13))).isInstanceOf(MaintenanceTransitionException.class);
    assertThatThrownBy(() -> step(MaintenanceStepKind.complete, null, minutes(13))).isInstanceOf(MaintenanceTransitionException.class);
  }

  @Test
  void anUnknownStepIsRefused() {
    schedule(plan());

    assertThatThrownBy(() -> step(MaintenanceStepKind.unknown, null, minutes(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown maintenance step");
  }

  @Test
  void aStepOfAnUnknownWindowIsRefused() {
    assertThatThrownBy(() -> step(MaintenanceStepKind.start, null, T0))
        .isInstanceOf(MaintenanceTransitionException.class).hasMessage("no maintenance mw-1");
  }

  @Test
  void aWindowThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> schedule(plan().setScheduledUntil(minutes(60))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maintenance mw-1 must end after it starts");
    assertThat(page.maintenances()).isEmpty();
  }

  @Test
  void aWindowOfAnUnknownComponentIsRefused() {
    assertThatThrownBy(() -> schedule(plan().setComponentIds(List.of("api", "nope"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no component nope");
    assertThat(page.maintenances()).isEmpty();
  }
}
