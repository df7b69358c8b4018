package io.codelibra.lifeline.escalation.schedule;

import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScheduleFileErrorsTest {

  @Test
  void aBadTimeZoneNamesFileLineAndReason() {
    assertThatThrownBy(() -> ScheduleFiles.load(List.of(new YamlSource("schedules.yml", """
        schedules:
          - id: primary
            time_zone: "America/New_Yrok"
            layers:
              - users: [alice]
                rotation_virtual_start: "2026-01-05T09:00"
                rotation: weekly
        """))))
        .isInstanceOf(ScheduleFileException.class)
        .hasMessage("schedules.yml:3: time_zone must be a time zone id such as America/New_York, "
            + "not 'America/New_Yrok'");
  }

  @Test
  void badDatesEmptyUsersUnknownKeysAndBackwardOverridesAreAllReported() {
    assertThat(problems(new YamlSource("s.yml", """
        schedules:
          - id: primary
            time_zone: "America/New_York"
            layers:
              - users: []
                rotation_virtual_start: "2026-01-05T09:00-05:00"
                rotation: fortnightly
                color: red
            overrides:
              - user: dave
                start: "2026-03-09T00:00:00-05:00"
                end: "2026-03-08T00:00:00-05:00"
              - user: erin
                start: tomorrow
                end: "2026-03-08T00:00:00-05:00"
        """))).containsExactly(
        "s.yml:5: users must not be empty",
        "s.yml:6: rotation_virtual_start must be a local date-time such as 2026-01-05T09:00 (in the schedule's "
            + "time_zone), not '2026-01-05T09:00-05:00'",
        "s.yml:7: rotation must be daily, weekly or custom, not 'fortnightly'",
        "s.yml:8: unknown key 'color' in layer; expected name, users, rotation_virtual_start, rotation, "
            + "rotation_turn_length_days, rotation_turn_length_hours, rotation_turn_length_minutes, end, restrictions",
        "s.yml:12: end must be after start",
        "s.yml:14: start must be a date-time with an offset such as 2026-03-08T00:00:00-05:00, or a local date-time "
            + "in the schedule's time_zone, not 'tomorrow'");
  }

  @Test
  void turnLengthsBelongToCustomRotationsOnly() {
    assertThat(problems(new YamlSource("s.yml", """
        schedules:
          - id: primary
            time_zone: UTC
            layers:
              - users: [a]
                rotation_virtual_start: "2026-01-05T09:00"
                rotation: custom
              - users: [a]
                rotation_virtual_start: "2026-01-05T09:00"
                rotation: weekly
                rotation_turn_length_hours: 12
              - users: [a]
                rotation_virtual_start: "2026-01-05T09:00"
                rotation: custom
                rotation_turn_length_hours: 12
                rotation_turn_length_minutes: 30
              - users: [a]
                rotation_virtual_start: "2026-01-05T09:00"
                rotation: custom
                rotation_turn_length_hours: 0
              - users: [a]
                rotation_virtual_start: "2026-01-05T09:00"
                rotation: daily
                end: "2026-01-05T09:00"
        """))).containsExactly(
        "s.yml:5: a custom rotation needs exactly one of rotation_turn_length_days, rotation_turn_length_hours, "
            + "rotation_turn_length_minutes",
        "s.yml:11: rotation_turn_length_hours is only used with rotation: custom",
        "s.yml:16: a custom rotation needs exactly one of rotation_turn_length_days, rotation_turn_length_hours, "
            + "rotation_turn_length_minutes",
        "s.yml:20: rotation_turn_length_hours must be a positive integer",
        "s.yml:24: end must be after rotation_virtual_start");
  }

  @Test
  void restrictionsNeedAKnownTypeATimeOfDayADayForWeeklyOnesAndOneDurationWithinTheirPeriod() {
    assertThat(problems(new YamlSource("s.yml", """
        schedules:
          - id: primary
            time_zone: UTC
            layers:
              - users: [a]
                rotation_virtual_start: "2026-01-05T09:00"
                rotation: daily
                restrictions:
                  - type: daily_restriction
                    start_time_of_day: "25:00"
                    duration_hours: 25
                  - type: weekly_restriction
                    start_day_of_week: 8
                    start_time_of_day: "09:00"
                    duration_hours: 120
                    duration_minutes: 30
                  - type: daily_restriction
                    start_day_of_week: 1
                    start_time_of_day: "09:00"
                    duration_hours: 8
                  - type: monthly_restriction
                    start_time_of_day: "09:00"
                    duration_hours: 8
                  - start_time_of_day: "09:00"
                    duration_hours: 8
        """))).containsExactly(
        "s.yml:10: start_time_of_day must be a time of day such as 09:00, not '25:00'",
        "s.yml:11: duration_hours must be an integer from 1 to 24",
        "s.yml:13: start_day_of_week must be an integer from 1 to 7",
        "s.yml:16: a restriction needs exactly one of duration_hours, duration_minutes",
        "s.yml:18: start_day_of_week is only used with weekly_restriction",
        "s.yml:21: type must be daily_restriction or weekly_restriction, not 'monthly_restriction'",
        "s.yml:24: restriction has no type");
  }

  @Test
  void duplicateIdsAcrossFilesPointAtTheFirstDefinition() {
    String schedule = """
        schedules:
          - id: primary
            time_zone: UTC
            layers:
              - { users: [a], rotation_virtual_start: "2026-01-05T09:00", rotation: daily }
        """;

    assertThat(problems(new YamlSource("a.yml", schedule), new YamlSource("b.yml", schedule)))
        .containsExactly("b.yml:2: duplicate schedule id 'primary' (first defined at a.yml:2)");
  }

  @Test
  void missingFieldsAreReportedAtTheirSchedule() {
    assertThat(problems(new YamlSource("s.yml", """
        schedules:
          - name: "No id, zone or layers"
          - id: empty
            time_zone: UTC
            layers: []
        """))).containsExactly(
        "s.yml:2: schedule has no id",
        "s.yml:2: schedule has no time_zone",
        "s.yml:2: schedule has no layers",
        "s.yml:5: layers must not be empty");
  }

  @Test
  void yamlSyntaxErrorsNameTheirFileAndLine() {
    assertThat(problems(new YamlSource("broken.yml", """
        schedules:
          - id: primary
           time_zone: UTC
        """))).singleElement().asString().startsWith("broken.yml:3: invalid YAML: ");
  }

  private static List<String> problems(YamlSource... files) {
    return catchThrowableOfType(ScheduleFileException.class, () -> ScheduleFiles.load(List.of(files))).problems();
  }
}
