package io.codelibra.lifeline.statuspage.maintenance;

import static io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase.completed;
import static io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase.in_progress;
import static io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase.scheduled;
import static io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase.verifying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.MaintenanceOutcome;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaintenanceStateTest {

  private static final Instant CREATED = Instant.parse("2024-03-04T09:00:00Z");
  private static final Instant FROM = Instant.parse("2024-03-05T01:00:00Z");
  private static final Instant UNTIL = Instant.parse("2024-03-05T03:00:00Z");

  private static MaintenanceState window(MaintenancePhase phase, boolean autoStart, boolean autoComplete) {
    return new MaintenanceState("mw-1", "Database upgrade", "PostgreSQL 16", List.of("api", "web"), FROM, UNTIL, phase, null,
        autoStart, autoComplete, true, CREATED, CREATED, phase == scheduled ? null : FROM,
        phase == completed ? UNTIL : null, List.of(update("scheduled", CREATED)));
  }

  private static MaintenanceState window(MaintenancePhase phase) {
    return window(phase, true, true);
  }

  private static PageUpdate update(String status, Instant at) {
    return new PageUpdate("u-" + status, status, "text " + status, at, List.of());
  }

  private static Instant minutes(Instant base, long minutes) {
    return base.plus(Duration.ofMinutes(minutes));
  }

  @Nested
  class DueSteps {

    @Test
    void nothingIsDueBeforeTheStart() {
      assertThat(window(scheduled).dueStep(minutes(FROM, -1))).isNull();
    }

    @Test
    void theStartIsDueAtTheScheduledTimeAndAfterIt() {
      assertThat(window(scheduled).dueStep(FROM)).isEqualTo(Step.START);
      assertThat(window(scheduled).dueStep(minutes(FROM, 30))).isEqualTo(Step.START);
    }

    @Test
    void aWindowWithoutAutoStartWaitsForAnOperatorEvenAfterItsEnd() {
      assertThat(window(scheduled, false, true).dueStep(FROM)).isNull();
      assertThat(window(scheduled, false, true).dueStep(minutes(UNTIL, 60))).isNull();
    }

    @Test
    void nothingIsDueWhileInProgressBeforeTheEnd() {
      assertThat(window(in_progress).dueStep(minutes(UNTIL, -1))).isNull();
    }

    @Test
    void theCompletionIsDueAtTheEndWhetherInProgressOrVerifying() {
      assertThat(window(in_progress).dueStep(UNTIL)).isEqualTo(Step.COMPLETE);
      assertThat(window(verifying).dueStep(UNTIL)).isEqualTo(Step.COMPLETE);
      assertThat(window(verifying).dueStep(minutes(UNTIL, 5))).isEqualTo(Step.COMPLETE);
    }

    @Test
    void aWindowWithoutAutoCompleteStaysActiveAfterItsEnd() {
      assertThat(window(in_progress, true, false).dueStep(minutes(UNTIL, 60))).isNull();
    }

    @Test
    void aWindowThatPassedEntirelyWhileDownIsDueToComplete() {
      assertThat(window(scheduled).dueStep(UNTIL)).isEqualTo(Step.COMPLETE);
      assertThat(window(scheduled).dueStep(minutes(UNTIL, 600))).isEqualTo(Step.COMPLETE);
    }

    @Test
    void aPassedWindowWithoutAutoCompleteIsOnlyStarted() {
      assertThat(window(scheduled, true, false).dueStep(minutes(UNTIL, 60))).isEqualTo(Step.START);
    }

    @Test
    void nothingIsDueOnceCompleted() {
      assertThat(window(completed).dueStep(minutes(UNTIL, 60))).isNull();
    }
  }

  @Nested
  class NextDueTime {

    @Test
    void aScheduledWindowIsNextDueAtItsStart() {
      assertThat(window(scheduled).nextDueAt()).isEqualTo(FROM);
    }

    @Test
    void anActiveWindowIsNextDueAtItsEnd() {
      assertThat(window(in_progress).nextDueAt()).isEqualTo(UNTIL);
      assertThat(window(verifying).nextDueAt()).isEqualTo(UNTIL);
    }

    @Test
    void noTimeIsDueWhenOnlyAnOperatorCanMoveTheWindow() {
      assertThat(window(scheduled, false, true).nextDueAt()).isNull();
      assertThat(window(scheduled, false, false).nextDueAt()).isNull();
      assertThat(window(in_progress, true, false).nextDueAt()).isNull();
      assertThat(window(completed).nextDueAt()).isNull();
    }

    @Test
    void aStartedWindowWithoutAutoStartIsNextDueAtItsEnd() {
      assertThat(window(in_progress, false, true).nextDueAt()).isEqualTo(UNTIL);
    }

    @Test
    void theNextDueTimeAlwaysHasADueStepWhenReached() {
      for (MaintenancePhase phase : MaintenancePhase.values()) {
        for (boolean autoStart : new boolean[] {true, false}) {
          for (boolean autoComplete : new boolean[] {true, false}) {
            MaintenanceState window = window(phase, autoStart, autoComplete);
            Instant next = window.nextDueAt();
            if (next != null) {
              assertThat(window.dueStep(next)).as("%s autoStart=%s autoComplete=%s", phase, autoStart, autoComplete).isNotNull();
            }
          }
        }
      }
    }
  }

  @Nested
  class Transitions {

    @ParameterizedTest(name = "{1} from {0} -> {2}")
    @CsvSource({
        "scheduled, START, in_progress",
        "in_progress, VERIFY, verifying",
        "scheduled, COMPLETE, completed",
        "in_progress, COMPLETE, completed",
        "verifying, COMPLETE, completed",
        "scheduled, CANCEL, completed",
        "in_progress, CANCEL, completed",
        "verifying, CANCEL, completed",
    })
    void allowedStepsMoveThePhase(MaintenancePhase from, Step step, MaintenancePhase to) {
      MaintenanceState moved = window(from).apply(step, update(to.name(), minutes(FROM, 10)));

      assertThat(moved.phase()).isEqualTo(to);
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @CsvSource({
        "in_progress, START",
        "verifying, START",
        "completed, START",
        "scheduled, VERIFY",
        "verifying, VERIFY",
        "completed, VERIFY",
        "completed, COMPLETE",
        "completed, CANCEL",
    })
    void otherStepsAreRefused(MaintenancePhase from, Step step) {
      MaintenanceState window = window(from);

      assertThatThrownBy(() -> window.check(step)).isInstanceOf(MaintenanceTransitionException.class)
          .hasMessageContaining("mw-1").hasMessageContaining(from.name());
      assertThatThrownBy(() -> window.apply(step, update("x", FROM))).isInstanceOf(MaintenanceTransitionException.class);
    }

    @Test
    void startingRecordsTheStartAndTheUpdate() {
      Instant at = minutes(FROM, 2);
      MaintenanceState started = window(scheduled).apply(Step.START, update("in_progress", at));

      assertThat(started.startedAt()).isEqualTo(at);
      assertThat(started.updatedAt()).isEqualTo(at);
      assertThat(started.completedAt()).isNull();
      assertThat(started.outcome()).isNull();
      assertThat(started.updates()).extracting(PageUpdate::status).containsExactly("scheduled", "in_progress");
    }

    @Test
    void verifyingKeepsTheStart() {
      MaintenanceState verifying = window(in_progress).apply(Step.VERIFY, update("verifying", minutes(FROM, 50)));

      assertThat(verifying.startedAt()).isEqualTo(FROM);
      assertThat(verifying.completedAt()).isNull();
    }

    @Test
    void completingRecordsTheOutcomeAndTheEnd() {
      Instant at = minutes(UNTIL, -5);
      MaintenanceState done = window(verifying).apply(Step.COMPLETE, update("completed", at));

      assertThat(done.outcome()).isEqualTo(MaintenanceOutcome.completed);
      assertThat(done.startedAt()).isEqualTo(FROM);
      assertThat(done.completedAt()).isEqualTo(at);
    }

    @Test
    void completingAWindowThatNeverStartedStartsItAtTheSameMoment() {
      MaintenanceState done = window(scheduled).apply(Step.COMPLETE, update("completed", UNTIL));

      assertThat(done.startedAt()).isEqualTo(UNTIL);
      assertThat(done.completedAt()).isEqualTo(UNTIL);
    }

    @Test
    void cancellingBeforeTheStartLeavesNoStart() {
      MaintenanceState cancelled = window(scheduled).apply(Step.CANCEL, update("completed", CREATED));

      assertThat(cancelled.outcome()).isEqualTo(MaintenanceOutcome.cancelled);
      assertThat(cancelled.startedAt()).isNull();
      assertThat(cancelled.completedAt()).isEqualTo(CREATED);
    }

    @Test
    void cancellingAnActiveWindowKeepsItsStart() {
      MaintenanceState cancelled = window(in_progress).apply(Step.CANCEL, update("completed", minutes(FROM, 20)));

      assertThat(cancelled.outcome()).isEqualTo(MaintenanceOutcome.cancelled);
      assertThat(cancelled.startedAt()).isEqualTo(FROM);
    }

    @Test
    void applyingLeavesTheEarlierStateUntouched() {
      MaintenanceState window = window(scheduled);

      window.apply(Step.START, update("in_progress", FROM));

      assertThat(window.phase()).isEqualTo(scheduled);
      assertThat(window.updates()).hasSize(1);
    }
  }

  @Nested
  class Rescheduling {

    @Test
    void aScheduledWindowTakesNewTimesAndKeepsItsHistory() {
      Instant later = minutes(CREATED, 5);
      MaintenanceState moved = window(scheduled).rescheduled("Database upgrade (moved)", null, List.of("api"),
          minutes(FROM, 60), minutes(UNTIL, 60), false, true, false, later);

      assertThat(moved.title()).isEqualTo("Database upgrade (moved)");
      assertThat(moved.componentIds()).containsExactly("api");
      assertThat(moved.scheduledFor()).isEqualTo(minutes(FROM, 60));
      assertThat(moved.scheduledUntil()).isEqualTo(minutes(UNTIL, 60));
      assertThat(moved.autoStart()).isFalse();
      assertThat(moved.suppressAlerts()).isFalse();
      assertThat(moved.phase()).isEqualTo(scheduled);
      assertThat(moved.createdAt()).isEqualTo(CREATED);
      assertThat(moved.updatedAt()).isEqualTo(later);
      assertThat(moved.updates()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"in_progress", "verifying", "completed"})
    void aWindowThatStartedCannotBeRescheduled(MaintenancePhase phase) {
      assertThatThrownBy(() -> window(phase).rescheduled("t", null, List.of(), FROM, UNTIL, true, true, true, CREATED))
          .isInstanceOf(MaintenanceTransitionException.class).hasMessageContaining("only a scheduled window");
    }
  }

  @Test
  void onlyInProgressAndVerifyingAreActive() {
    assertThat(List.of(MaintenancePhase.values())).filteredOn(MaintenancePhase::active).containsExactly(in_progress, verifying);
  }
}
