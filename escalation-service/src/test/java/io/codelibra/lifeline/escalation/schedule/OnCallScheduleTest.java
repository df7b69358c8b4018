package io.codelibra.lifeline.escalation.schedule;

import static io.codelibra.lifeline.escalation.schedule.RotationTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OnCallScheduleTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ScheduleLayer WEEKLY = new ScheduleLayer("Weekly", List.of("alice", "bob", "carol"),
      LocalDateTime.parse("2026-01-05T09:00"), RotationTurn.weekly(), Optional.empty(), List.of());
  private static final ScheduleLayer ALL_WEEK = new ScheduleLayer("All week", List.of("alice", "bob"),
      LocalDateTime.parse("2026-03-02T09:00"), RotationTurn.weekly(), Optional.empty(), List.of());
  private static final ScheduleLayer BUSINESS_HOURS = new ScheduleLayer("Business hours", List.of("carol"),
      LocalDateTime.parse("2026-03-02T09:00"), RotationTurn.daily(), Optional.empty(),
      List.of(new ScheduleRestriction.Daily(LocalTime.of(9, 0), Duration.ofHours(8))));
  private static final ScheduleOverride DAVE_OVER_THE_HANDOFF = new ScheduleOverride("dave",
      at("2026-03-08T00:00:00-05:00"), at("2026-03-09T12:00:00-04:00"));

  @Test
  void theHighestLayerWithSomebodyOnCallWins() {
    OnCallSchedule schedule = schedule(List.of(ALL_WEEK, BUSINESS_HOURS), List.of());

    assertThat(schedule.onCallAt(at("2026-03-03T10:00-05:00"))).containsExactly("carol");
    assertThat(schedule.onCallAt(at("2026-03-03T18:00-05:00"))).containsExactly("alice");
    assertThat(schedule.onCallAt(at("2026-03-09T10:00-04:00"))).containsExactly("carol");
    assertThat(schedule.onCallAt(at("2026-03-09T18:00-04:00"))).containsExactly("bob");
  }

  @Test
  void aLowerLayerNeverShowsThroughAHigherLayerThatHasSomebody() {
    OnCallSchedule schedule = schedule(List.of(BUSINESS_HOURS, ALL_WEEK), List.of());

    assertThat(schedule.onCallAt(at("2026-03-03T10:00-05:00"))).containsExactly("alice");
  }

  @Test
  void nobodyIsOnCallBeforeAnyLayerStarts() {
    assertThat(schedule(List.of(ALL_WEEK), List.of()).onCallAt(at("2026-03-02T08:59-05:00"))).isEmpty();
  }

  @Test
  void anOverrideSpanningAHandoffCoversBothSidesAndTheRotationResumesWithTheNextUser() {
    OnCallSchedule schedule = schedule(List.of(WEEKLY), List.of(DAVE_OVER_THE_HANDOFF));

    assertThat(schedule.onCallAt(at("2026-03-07T23:59:59-05:00"))).containsExactly("carol");
    assertThat(schedule.onCallAt(at("2026-03-08T00:00-05:00"))).containsExactly("dave");
    assertThat(schedule.onCallAt(at("2026-03-09T08:59-04:00"))).containsExactly("dave");
    assertThat(schedule.onCallAt(at("2026-03-09T09:00-04:00"))).containsExactly("dave");
    assertThat(schedule.onCallAt(at("2026-03-09T11:59:59-04:00"))).containsExactly("dave");
    assertThat(schedule.onCallAt(at("2026-03-09T12:00-04:00"))).containsExactly("alice");
    assertThat(schedule.onCallAt(at("2026-03-16T09:00-04:00"))).containsExactly("bob");
  }

  @Test
  void aHandoffHiddenUnderAnOverrideIsNotReportedAsTheNextHandoff() {
    OnCallSchedule schedule = schedule(List.of(WEEKLY), List.of(DAVE_OVER_THE_HANDOFF));

    assertThat(schedule.nextHandoffAfter(at("2026-03-07T12:00-05:00")))
        .contains(new Handoff(Instant.parse("2026-03-08T05:00:00Z"), List.of("dave")));
    assertThat(schedule.nextHandoffAfter(Instant.parse("2026-03-08T05:00:00Z")))
        .contains(new Handoff(Instant.parse("2026-03-09T16:00:00Z"), List.of("alice")));
    assertThat(schedule.nextHandoffAfter(Instant.parse("2026-03-09T16:00:00Z")))
        .contains(new Handoff(Instant.parse("2026-03-16T13:00:00Z"), List.of("bob")));
  }

  @Test
  void theLastListedOfOverlappingOverridesWins() {
    ScheduleOverride erin = new ScheduleOverride("erin", at("2026-03-08T06:00-04:00"), at("2026-03-08T18:00-04:00"));
    OnCallSchedule schedule = schedule(List.of(WEEKLY), List.of(DAVE_OVER_THE_HANDOFF, erin));

    assertThat(schedule.onCallAt(at("2026-03-08T05:59-04:00"))).containsExactly("dave");
    assertThat(schedule.onCallAt(at("2026-03-08T06:00-04:00"))).containsExactly("erin");
    assertThat(schedule.onCallAt(at("2026-03-08T18:00-04:00"))).containsExactly("dave");
  }

  @Test
  void handoffsFollowRestrictionWindowsIncludingToNobody() {
    OnCallSchedule schedule = schedule(List.of(BUSINESS_HOURS), List.of());

    assertThat(schedule.nextHandoffAfter(at("2026-03-03T10:00-05:00")))
        .contains(new Handoff(at("2026-03-03T17:00-05:00"), List.of()));
    assertThat(schedule.nextHandoffAfter(at("2026-03-03T17:00-05:00")))
        .contains(new Handoff(at("2026-03-04T09:00-05:00"), List.of("carol")));
  }

  @Test
  void aScheduleThatNeverChangesHasNoNextHandoff() {
    ScheduleLayer alone = new ScheduleLayer("Alone", List.of("alice"), LocalDateTime.parse("2026-01-05T09:00"),
        RotationTurn.weekly(), Optional.empty(), List.of());

    assertThat(schedule(List.of(alone), List.of()).nextHandoffAfter(at("2026-03-01T00:00-05:00"))).isEmpty();
  }

  @Test
  void theLookupAnswersPerScheduleAndNobodyForAnUnknownOne() {
    Schedules schedules = new Schedules(List.of(schedule(List.of(WEEKLY), List.of()),
        new OnCallSchedule("days", "Days", NEW_YORK, List.of(BUSINESS_HOURS), List.of())));

    assertThat(schedules.scheduleIds()).containsExactly("primary", "days");
    assertThat(schedules.onCall("primary", at("2026-03-09T09:00-04:00"))).containsExactly("alice");
    assertThat(schedules.onCall("days", at("2026-03-09T09:00-04:00"))).containsExactly("carol");
    assertThat(schedules.onCall("nope", at("2026-03-09T09:00-04:00"))).isEmpty();
  }

  private static OnCallSchedule schedule(List<ScheduleLayer> layers, List<ScheduleOverride> overrides) {
    return new OnCallSchedule("primary", "Primary", NEW_YORK, layers, overrides);
  }
}
