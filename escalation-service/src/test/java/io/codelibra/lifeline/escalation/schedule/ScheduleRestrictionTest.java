package io.codelibra.lifeline.escalation.schedule;

import static io.codelibra.lifeline.escalation.schedule.RotationTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleRestrictionTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ScheduleRestriction BUSINESS_HOURS =
      new ScheduleRestriction.Daily(LocalTime.of(9, 0), Duration.ofHours(8));

  @Test
  void aBusinessHoursLayerHasNobodyOutsideNineToFive() {
    ScheduleLayer layer = new ScheduleLayer("Business hours", List.of("alice", "bob"),
        LocalDateTime.parse("2026-03-02T09:00"), RotationTurn.daily(), Optional.empty(), List.of(BUSINESS_HOURS));

    assertThat(layer.onCallAt(at("2026-03-03T08:59-05:00"), NEW_YORK)).isEmpty();
    assertThat(layer.onCallAt(at("2026-03-03T09:00-05:00"), NEW_YORK)).contains("bob");
    assertThat(layer.onCallAt(at("2026-03-03T16:59-05:00"), NEW_YORK)).contains("bob");
    assertThat(layer.onCallAt(at("2026-03-03T17:00-05:00"), NEW_YORK)).isEmpty();
    // the rotation keeps turning while restricted out: Monday 2026-03-09 is bob's day again, in EDT
    assertThat(layer.onCallAt(at("2026-03-09T16:59-04:00"), NEW_YORK)).contains("bob");
    assertThat(layer.onCallAt(at("2026-03-09T17:00-04:00"), NEW_YORK)).isEmpty();
  }

  @Test
  void aNightShiftCoversMidnightAndEndsAtSixLocalOnTheDstNight() {
    ScheduleRestriction nights = new ScheduleRestriction.Daily(LocalTime.of(22, 0), Duration.ofHours(8));

    assertThat(nights.covers(at("2026-03-07T21:59-05:00"), NEW_YORK)).isFalse();
    assertThat(nights.covers(at("2026-03-07T22:00-05:00"), NEW_YORK)).isTrue();
    assertThat(nights.covers(at("2026-03-08T03:30-04:00"), NEW_YORK)).isTrue();
    assertThat(nights.covers(at("2026-03-08T05:59-04:00"), NEW_YORK)).isTrue();
    assertThat(nights.covers(at("2026-03-08T06:00-04:00"), NEW_YORK)).isFalse();
  }

  @Test
  void aWeeklyRestrictionCoversMondayNineToSaturdayNine() {
    ScheduleRestriction workWeek = new ScheduleRestriction.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0),
        Duration.ofHours(120));

    assertThat(workWeek.covers(at("2026-03-02T08:59-05:00"), NEW_YORK)).isFalse();
    assertThat(workWeek.covers(at("2026-03-02T09:00-05:00"), NEW_YORK)).isTrue();
    assertThat(workWeek.covers(at("2026-03-05T03:00-05:00"), NEW_YORK)).isTrue();
    assertThat(workWeek.covers(at("2026-03-07T08:59-05:00"), NEW_YORK)).isTrue();
    assertThat(workWeek.covers(at("2026-03-07T09:00-05:00"), NEW_YORK)).isFalse();
    assertThat(workWeek.covers(at("2026-03-08T12:00-04:00"), NEW_YORK)).isFalse();
  }

  @Test
  void aWeekendRestrictionSpanningTheDstChangeEndsAtNineLocalOnMonday() {
    ScheduleRestriction weekend = new ScheduleRestriction.Weekly(DayOfWeek.FRIDAY, LocalTime.of(18, 0),
        Duration.ofHours(63));

    assertThat(weekend.covers(at("2026-03-06T18:00-05:00"), NEW_YORK)).isTrue();
    assertThat(weekend.covers(at("2026-03-09T08:59-04:00"), NEW_YORK)).isTrue();
    assertThat(weekend.covers(at("2026-03-09T09:00-04:00"), NEW_YORK)).isFalse();
    assertThat(weekend.nextBoundaryAfter(at("2026-03-07T12:00-05:00"), NEW_YORK))
        .isEqualTo(at("2026-03-09T09:00-04:00"));
    assertThat(weekend.nextBoundaryAfter(at("2026-03-09T09:00-04:00"), NEW_YORK))
        .isEqualTo(at("2026-03-13T18:00-04:00"));
  }

  @Test
  void restrictionsLastLongerThanZeroAndNoLongerThanTheirPeriod() {
    assertThatThrownBy(() -> new ScheduleRestriction.Daily(LocalTime.NOON, Duration.ofHours(25)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScheduleRestriction.Weekly(DayOfWeek.MONDAY, LocalTime.NOON, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
