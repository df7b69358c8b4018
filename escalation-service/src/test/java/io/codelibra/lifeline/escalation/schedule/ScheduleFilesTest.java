package io.codelibra.lifeline.escalation.schedule;

import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static io.codelibra.lifeline.escalation.schedule.RotationTest.at;
import static org.assertj.core.api.Assertions.assertThat;

class ScheduleFilesTest {

  private final Schedules example = ScheduleFiles.load(List.of(YamlSource.fromClasspath("schedules/example.yml")));

  @Test
  void readsLayersRestrictionsAndOverrides() {
    OnCallSchedule primary = example.schedule("primary").orElseThrow();

    assertThat(primary.name()).isEqualTo("Primary on-call");
    assertThat(primary.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(primary.layers()).containsExactly(new ScheduleLayer("Weekly rotation", List.of("alice", "bob", "carol"),
        LocalDateTime.parse("2026-01-05T09:00"), RotationTurn.weekly(), Optional.empty(),
        List.of(new ScheduleRestriction.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), Duration.ofHours(120)))));
    assertThat(primary.overrides()).containsExactly(
        new ScheduleOverride("dave", at("2026-03-08T00:00:00-05:00"), at("2026-03-09T12:00:00-04:00")));
  }

  @Test
  void readsDefaultNamesCustomTurnsEndsAndMinuteDurations() {
    OnCallSchedule followTheSun = example.schedule("follow-the-sun").orElseThrow();

    assertThat(followTheSun.name()).isEqualTo("follow-the-sun");
    assertThat(followTheSun.layers()).extracting(ScheduleLayer::name).containsExactly("Layer 1", "Day shift");
    assertThat(followTheSun.layers().get(0).turn()).isEqualTo(RotationTurn.daily());
    ScheduleLayer dayShift = followTheSun.layers().get(1);
    assertThat(dayShift.turn()).isEqualTo(new RotationTurn.FixedLength(Duration.ofHours(12)));
    assertThat(dayShift.end()).contains(LocalDateTime.parse("2026-12-31T08:00"));
    assertThat(dayShift.restrictions())
        .containsExactly(new ScheduleRestriction.Daily(LocalTime.of(8, 0), Duration.ofMinutes(720)));
  }

  @Test
  void answersWhoIsOnCallFromTheLoadedFile() {
    assertThat(example.onCall("primary", at("2026-03-07T10:00-05:00"))).isEmpty();
    assertThat(example.onCall("primary", at("2026-03-09T10:00-04:00"))).containsExactly("dave");
    assertThat(example.onCall("primary", at("2026-03-09T12:00-04:00"))).containsExactly("alice");
    assertThat(example.onCall("follow-the-sun", at("2026-06-01T10:00+02:00"))).containsExactly("felix");
    assertThat(example.onCall("follow-the-sun", at("2026-06-01T20:30+02:00"))).containsExactly("erika");
  }

  @Test
  void theShippedDemoSchedulePagesThePrimaryUser() {
    Schedules shipped = ScheduleFiles.load(List.of(YamlSource.fromClasspath("escalation/schedules.yml")));

    assertThat(shipped.scheduleIds()).containsExactly("primary");
    assertThat(shipped.onCall("primary", at("2026-07-04T03:00-04:00"))).containsExactly("PRIMARY_ON_CALL_USER_ID");
  }

  @Test
  void overrideTimesWithoutAnOffsetAreInTheSchedulesZoneAndEmptyFilesAddNothing() {
    Schedules schedules = ScheduleFiles.load(List.of(YamlSource.of("a.yml", new StringReader("""
        schedules:
          - id: berlin
            time_zone: Europe/Berlin
            layers:
              - users: [anna]
                rotation_virtual_start: 2026-01-01T00:00
                rotation: custom
                rotation_turn_length_minutes: 90
            overrides:
              - user: bernd
                start: 2026-07-01T09:00
                end: 2026-07-01T10:00
        """)), new YamlSource("empty.yml", "")));

    OnCallSchedule berlin = schedules.schedule("berlin").orElseThrow();
    assertThat(berlin.layers().getFirst().turn()).isEqualTo(new RotationTurn.FixedLength(Duration.ofMinutes(90)));
    assertThat(berlin.overrides().getFirst().start()).isEqualTo(at("2026-07-01T07:00Z"));
    assertThat(berlin.onCallAt(at("2026-07-01T09:30+02:00"))).containsExactly("bernd");
  }
}
