package io.codelibra.lifeline.escalation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void dailyRotationHandsOffEveryDayAtTheStartsTimeOfDay() {
    ScheduleLayer layer = layer(RotationTurn.daily(), "2026-02-02T09:00", "alice", "bob", "carol");

    assertThat(onCall(layer, "2026-02-02T09:00-05:00")).contains("alice");
    assertThat(onCall(layer, "2026-02-03T08:59:59-05:00")).contains("alice");
    assertThat(onCall(layer, "2026-02-03T09:00-05:00")).contains("bob");
    assertThat(onCall(layer, "2026-02-04T23:00-05:00")).contains("carol");
    assertThat(onCall(layer, "2026-02-05T09:00-05:00")).contains("alice");
  }

  @Test
  void nobodyIsOnCallBeforeTheFirstHandoffOrAfterTheEnd() {
    ScheduleLayer layer = new ScheduleLayer("L", List.of("alice"), LocalDateTime.parse("2026-02-02T09:00"),
        RotationTurn.daily(), Optional.of(LocalDateTime.parse("2026-02-10T09:00")), List.of());

    assertThat(onCall(layer, "2026-02-02T08:59-05:00")).isEmpty();
    assertThat(onCall(layer, "2026-02-10T08:59-05:00")).contains("alice");
    assertThat(onCall(layer, "2026-02-10T09:00-05:00")).isEmpty();
  }

  @Test
  void weeklyRotationCyclesThroughTheUsersInOrder() {
    ScheduleLayer layer = layer(RotationTurn.weekly(), "2026-01-05T09:00", "alice", "bob", "carol");

    assertThat(onCall(layer, "2026-01-12T08:59-05:00")).contains("alice");
    assertThat(onCall(layer, "2026-01-12T09:00-05:00")).contains("bob");
    assertThat(onCall(layer, "2026-01-21T03:00-05:00")).contains("carol");
    assertThat(onCall(layer, "2026-01-26T09:00-05:00")).contains("alice");
  }

  @Test
  void dailyHandoffStaysAtNineLocalWhenTheClocksGoForward() {
    // 2026-03-08 02:00 New York jumps to 03:00: bob's turn lasts 23 hours
    ScheduleLayer layer = layer(RotationTurn.daily(), "2026-03-06T09:00", "alice", "bob", "carol");

    assertThat(onCall(layer, "2026-03-08T08:59:59-04:00")).contains("bob");
    assertThat(onCall(layer, "2026-03-08T09:00-04:00")).contains("carol");
    assertThat(onCall(layer, "2026-03-09T09:00-04:00")).contains("alice");
  }

  @Test
  void dailyHandoffStaysAtNineLocalWhenTheClocksGoBack() {
    // 2026-11-01 02:00 New York falls back to 01:00: bob's turn lasts 25 hours
    ScheduleLayer layer = layer(RotationTurn.daily(), "2026-10-30T09:00", "alice", "bob", "carol");

    assertThat(onCall(layer, "2026-11-01T08:30-05:00")).contains("bob");
    assertThat(onCall(layer, "2026-11-01T09:00-05:00")).contains("carol");
  }

  @Test
  void weeklyHandoffStaysAtNineLocalAcrossTheSpringChange() {
    ScheduleLayer layer = layer(RotationTurn.weekly(), "2026-01-05T09:00", "alice", "bob", "carol");

    assertThat(onCall(layer, "2026-03-09T08:59-04:00")).contains("carol");
    assertThat(onCall(layer, "2026-03-09T09:00-04:00")).contains("alice");
    assertThat(onCall(layer, "2026-11-02T08:59-05:00")).contains("alice");
    assertThat(onCall(layer, "2026-11-02T09:00-05:00")).contains("bob");
  }

  @Test
  void customHourTurnsAreFixedDurationsSoTheWallClockHandoffMovesWithDst() {
    // 21:00 EST + 12 h = 10:00 EDT, not 09:00
    ScheduleLayer layer = layer(new RotationTurn.FixedLength(Duration.ofHours(12)), "2026-03-07T21:00", "alice", "bob");

    assertThat(onCall(layer, "2026-03-08T09:30-04:00")).contains("alice");
    assertThat(onCall(layer, "2026-03-08T10:00-04:00")).contains("bob");
    assertThat(onCall(layer, "2026-03-08T22:00-04:00")).contains("alice");
  }

  @Test
  void customDayTurnsKeepTheLocalHandoffTime() {
    ScheduleLayer layer = layer(new RotationTurn.CalendarDays(2), "2026-03-06T09:00", "alice", "bob");

    assertThat(onCall(layer, "2026-03-08T08:59-04:00")).contains("alice");
    assertThat(onCall(layer, "2026-03-08T09:00-04:00")).contains("bob");
    assertThat(onCall(layer, "2026-03-10T09:00-04:00")).contains("alice");
  }

  @Test
  void theNextHandoffOfADailyRotationIsAtNineLocalOnTheDstDay() {
    OnCallSchedule schedule = new OnCallSchedule("s", "s", NEW_YORK,
        List.of(layer(RotationTurn.daily(), "2026-03-06T09:00", "alice", "bob", "carol")), List.of());

    assertThat(schedule.nextHandoffAfter(at("2026-03-07T12:00-05:00")))
        .contains(new Handoff(Instant.parse("2026-03-08T13:00:00Z"), List.of("carol")));
  }

  private static ScheduleLayer layer(RotationTurn turn, String start, String... users) {
    return new ScheduleLayer("L", List.of(users), LocalDateTime.parse(start), turn, Optional.empty(), List.of());
  }

  private static Optional<String> onCall(ScheduleLayer layer, String at) {
    return layer.onCallAt(at(at), NEW_YORK);
  }

  static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }
}
