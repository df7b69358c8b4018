package io.codelibra.lifeline.statuspage.component;

import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;
import static io.codelibra.lifeline.events.ComponentStatus.under_maintenance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.codelibra.lifeline.events.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeCalculatorTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Duration KEEP = Duration.ofDays(91);
  /** Noon on 4 March 2024, UTC: today is half over. */
  private static final Instant NOW = Instant.parse("2024-03-04T12:00:00Z");

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  /** A history from {@code createdAt} (operational) through each (instant, status) change. */
  private static ComponentHistory history(String createdAt, Object... changes) {
    ComponentHistory history = ComponentHistory.startingAt("api", operational, at(createdAt));
    for (int i = 0; i < changes.length; i += 2) {
      history = history.changedTo((ComponentStatus) changes[i + 1], at((String) changes[i]), KEEP);
    }
    return history;
  }

  private static UptimeDay day(List<UptimeDay> days, String date) {
    return days.stream().filter(day -> day.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
  }

  @Test
  void returnsTheLastDaysUpToTodayOldestFirst() {
    List<UptimeDay> days = UptimeCalculator.days(history("2024-02-01T00:00:00Z"), NOW, UTC, 3);

    assertThat(days).extracting(UptimeDay::date)
        .containsExactly(LocalDate.parse("2024-03-02"), LocalDate.parse("2024-03-03"), LocalDate.parse("2024-03-04"));
    assertThat(days).allSatisfy(day -> {
      assertThat(day.uptime()).isEqualTo(1.0);
      assertThat(day.worst()).isEqualTo(operational);
      assertThat(day.majorOutageMinutes()).isZero();
      assertThat(day.partialOutageMinutes()).isZero();
    });
  }

  @Test
  void aMajorOutageCountsInFull() {
    ComponentHistory history = history("2024-03-01T00:00:00Z",
        "2024-03-03T06:00:00Z", major_outage, "2024-03-03T12:00:00Z", operational);

    UptimeDay outageDay = day(UptimeCalculator.days(history, NOW, UTC, 2), "2024-03-03");

    assertThat(outageDay.uptime()).isCloseTo(0.75, within(1e-9));
    assertThat(outageDay.worst()).isEqualTo(major_outage);
    assertThat(outageDay.majorOutageMinutes()).isEqualTo(360);
    assertThat(outageDay.partialOutageMinutes()).isZero();
  }

  @Test
  void aPartialOutageCountsAtThirtyPercent() {
    ComponentHistory history = history("2024-03-01T00:00:00Z",
        "2024-03-03T00:00:00Z", partial_outage, "2024-03-03T10:00:00Z", operational);

    UptimeDay outageDay = day(UptimeCalculator.days(history, NOW, UTC, 2), "2024-03-03");

    assertThat(outageDay.uptime()).isCloseTo(1 - 0.3 * 10 / 24, within(1e-9));
    assertThat(outageDay.worst()).isEqualTo(partial_outage);
    assertThat(outageDay.partialOutageMinutes()).isEqualTo(600);
    assertThat(outageDay.majorOutageMinutes()).isZero();
  }

  @Test
  void degradedPerformanceAndMaintenanceDoNotCountAgainstUptimeButShowAsTheDaysWorst() {
    ComponentHistory history = history("2024-03-01T00:00:00Z",
        "2024-03-03T00:00:00Z", degraded_performance, "2024-03-03T12:00:00Z", under_maintenance,
        "2024-03-03T18:00:00Z", operational);

    UptimeDay day = day(UptimeCalculator.days(history, NOW, UTC, 2), "2024-03-03");

    assertThat(day.uptime()).isEqualTo(1.0);
    assertThat(day.worst()).isEqualTo(degraded_performance);
  }

  @Test
  void daysBeforeTheComponentExistedHaveNoUptimeAndItsFirstDayCountsFromCreation() {
    ComponentHistory history = ComponentHistory.startingAt("api", operational, at("2024-03-03T12:00:00Z"))
        .changedTo(major_outage, at("2024-03-03T12:00:00Z"), KEEP)
        .changedTo(operational, at("2024-03-03T18:00:00Z"), KEEP);

    List<UptimeDay> days = UptimeCalculator.days(history, NOW, UTC, 3);

    assertThat(day(days, "2024-03-02")).isEqualTo(new UptimeDay(LocalDate.parse("2024-03-02"), null, null, 0, 0));
    assertThat(day(days, "2024-03-03").uptime()).isCloseTo(0.5, within(1e-9));
    assertThat(day(days, "2024-03-04").uptime()).isEqualTo(1.0);
  }

  @Test
  void todayCountsOnlyUpToNowIncludingAnOutageStillRunning() {
    ComponentHistory history = history("2024-03-01T00:00:00Z", "2024-03-04T10:00:00Z", major_outage);

    UptimeDay today = day(UptimeCalculator.days(history, NOW, UTC, 1), "2024-03-04");

    assertThat(today.uptime()).isCloseTo(1 - 2.0 / 12, within(1e-9));
    assertThat(today.majorOutageMinutes()).isEqualTo(120);
  }

  @Test
  void theShortDayWhenClocksGoForwardHasTwentyThreeHours() {
    // 2024-03-31 in Berlin: 00:00 CET (23:00Z the day before) to 00:00 CEST (22:00Z), 23 hours.
    ComponentHistory history = history("2024-03-01T00:00:00Z",
        "2024-03-31T08:00:00Z", major_outage, "2024-03-31T09:00:00Z", operational);

    List<UptimeDay> days = UptimeCalculator.days(history, at("2024-04-01T10:00:00Z"), BERLIN, 2);

    assertThat(days).extracting(UptimeDay::date).containsExactly(LocalDate.parse("2024-03-31"), LocalDate.parse("2024-04-01"));
    assertThat(days.get(0).uptime()).isCloseTo(1 - 1.0 / 23, within(1e-9));
    assertThat(days.get(0).majorOutageMinutes()).isEqualTo(60);
  }

  @Test
  void theLongDayWhenClocksGoBackHasTwentyFiveHours() {
    // 2024-10-27 in Berlin: 00:00 CEST (22:00Z the day before) to 00:00 CET (23:00Z), 25 hours.
    ComponentHistory history = history("2024-10-01T00:00:00Z",
        "2024-10-27T05:00:00Z", major_outage, "2024-10-27T10:00:00Z", operational);

    List<UptimeDay> days = UptimeCalculator.days(history, at("2024-10-28T10:00:00Z"), BERLIN, 2);

    assertThat(days.get(0).date()).isEqualTo(LocalDate.parse("2024-10-27"));
    assertThat(days.get(0).uptime()).isCloseTo(1 - 5.0 / 25, within(1e-9));
  }

  @Test
  void daysAreThePagesLocalDays() {
    // 23:15Z on 4 March is 00:15 on 5 March in Berlin.
    ComponentHistory history = history("2024-03-01T00:00:00Z",
        "2024-03-04T23:15:00Z", major_outage, "2024-03-04T23:45:00Z", operational);
    Instant now = at("2024-03-05T11:00:00Z");

    List<UptimeDay> berlin = UptimeCalculator.days(history, now, BERLIN, 2);
    List<UptimeDay> utc = UptimeCalculator.days(history, now, UTC, 2);

    assertThat(day(berlin, "2024-03-04").uptime()).isEqualTo(1.0);
    assertThat(day(berlin, "2024-03-05").uptime()).isCloseTo(1 - 0.5 / 12, within(1e-9));
    assertThat(day(utc, "2024-03-04").uptime()).isCloseTo(1 - 0.5 / 24, within(1e-9));
    assertThat(day(utc, "2024-03-05").uptime()).isEqualTo(1.0);
  }

  @Test
  void overallUptimeWeighsEachDayByItsKnownTimeAndSkipsDaysBeforeTheComponent() {
    ComponentHistory history = history("2024-03-02T00:00:00Z",
        "2024-03-03T00:00:00Z", major_outage, "2024-03-03T12:00:00Z", operational);
    List<UptimeDay> days = UptimeCalculator.days(history, NOW, UTC, 5);

    Double overall = UptimeCalculator.overall(days, history, NOW, UTC);

    // known: 24 h + 24 h + 12 h (today, to noon); down: 12 h of major outage.
    assertThat(overall).isCloseTo(1 - 12.0 / 60, within(1e-9));
  }

  @Test
  void overallUptimeIsUnknownWhenNoTimeIsKnown() {
    ComponentHistory history = ComponentHistory.startingAt("api", operational, NOW);
    List<UptimeDay> days = UptimeCalculator.days(history, NOW, UTC, 3);

    assertThat(days).allSatisfy(day -> assertThat(day.uptime()).isNull());
    assertThat(UptimeCalculator.overall(days, history, NOW, UTC)).isNull();
  }
}
