package io.codelibra.lifeline.escalation.schedule;

import io.codelibra.lifeline.runtime.yaml.YamlFields;
import io.codelibra.lifeline.runtime.yaml.YamlNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Reads one entry of a schedule's {@code layers}, with its restrictions. */
final class ScheduleLayerReader {

  static final String LOCAL_DATE_TIME = "a local date-time such as 2026-01-05T09:00 (in the schedule's time_zone)";
  private static final List<String> TURN_LENGTH_KEYS =
      List.of("rotation_turn_length_days", "rotation_turn_length_hours", "rotation_turn_length_minutes");

  private ScheduleLayerReader() {
  }

  static Optional<ScheduleLayer> read(YamlNode node, int position) {
    return node.fields("layer", "name", "users", "rotation_virtual_start", "rotation", "rotation_turn_length_days",
        "rotation_turn_length_hours", "rotation_turn_length_minutes", "end", "restrictions").flatMap(fields -> {
          String name = fields.optionalText("name").orElse("Layer " + position);
          Optional<List<String>> users = fields.requiredItems("users")
              .flatMap(items -> YamlNode.readAll(items, item -> item.text("users")));
          Optional<LocalDateTime> start = fields.required("rotation_virtual_start")
              .flatMap(value -> value.parsed("rotation_virtual_start", LocalDateTime::parse, LOCAL_DATE_TIME));
          Optional<RotationTurn> turn = readTurn(fields);
          Optional<LocalDateTime> end = fields.optional("end")
              .flatMap(value -> value.parsed("end", LocalDateTime::parse, LOCAL_DATE_TIME));
          Optional<List<ScheduleRestriction>> restrictions = fields.optionalItems("restrictions")
              .map(items -> YamlNode.readAll(items, ScheduleLayerReader::readRestriction))
              .orElse(Optional.of(List.of()));
          if (users.isEmpty() || start.isEmpty() || turn.isEmpty() || restrictions.isEmpty()
              || fields.has("end") && end.isEmpty()) {
            return Optional.empty();
          }
          if (end.isPresent() && !end.get().isAfter(start.get())) {
            fields.optional("end").orElseThrow().report("end must be after rotation_virtual_start");
            return Optional.empty();
          }
          return Optional.of(new ScheduleLayer(name, users.get(), start.get(), turn.get(), end, restrictions.get()));
        });
  }

  private static Optional<RotationTurn> readTurn(YamlFields fields) {
    Optional<String> rotation = fields.required("rotation")
        .flatMap(value -> value.parsed("rotation", ScheduleLayerReader::rotation, "daily, weekly or custom"));
    List<String> lengthKeys = TURN_LENGTH_KEYS.stream().filter(fields::has).toList();
    if (rotation.isEmpty()) {
      return Optional.empty();
    }
    if (!rotation.get().equals("custom")) {
      lengthKeys.forEach(key -> fields.optional(key).orElseThrow().report(key + " is only used with rotation: custom"));
      return lengthKeys.isEmpty() ? Optional.of(rotation.get().equals("daily") ? RotationTurn.daily()
          : RotationTurn.weekly()) : Optional.empty();
    }
    if (lengthKeys.size() != 1) {
      YamlNode at = lengthKeys.isEmpty() ? fields.node() : fields.optional(lengthKeys.get(1)).orElseThrow();
      at.report("a custom rotation needs exactly one of " + String.join(", ", TURN_LENGTH_KEYS));
      return Optional.empty();
    }
    String key = lengthKeys.getFirst();
    return fields.requiredInteger(key, 1, Integer.MAX_VALUE).map(length -> switch (key) {
      case "rotation_turn_length_days" -> new RotationTurn.CalendarDays(length);
      case "rotation_turn_length_hours" -> new RotationTurn.FixedLength(Duration.ofHours(length));
      default -> new RotationTurn.FixedLength(Duration.ofMinutes(length));
    });
  }

  private static Optional<ScheduleRestriction> readRestriction(YamlNode node) {
    return node.fields("restriction", "type", "start_time_of_day", "start_day_of_week", "duration_hours",
        "duration_minutes").flatMap(fields -> {
          Optional<Boolean> weekly = fields.required("type").flatMap(value -> value.parsed("type",
              ScheduleLayerReader::isWeeklyRestriction, "daily_restriction or weekly_restriction"));
          Optional<LocalTime> startTime = fields.required("start_time_of_day")
              .flatMap(value -> value.parsed("start_time_of_day", LocalTime::parse, "a time of day such as 09:00"));
          if (weekly.isEmpty()) {
            return Optional.empty();
          }
          Optional<Duration> duration = readDuration(fields, weekly.get() ? 7 * 24 : 24);
          if (!weekly.get()) {
            fields.optional("start_day_of_week")
                .ifPresent(value -> value.report("start_day_of_week is only used with weekly_restriction"));
            return fields.has("start_day_of_week") || startTime.isEmpty() || duration.isEmpty() ? Optional.empty()
                : Optional.of(new ScheduleRestriction.Daily(startTime.get(), duration.get()));
          }
          Optional<DayOfWeek> day = fields.requiredInteger("start_day_of_week", 1, 7).map(DayOfWeek::of);
          return day.isEmpty() || startTime.isEmpty() || duration.isEmpty() ? Optional.empty()
              : Optional.of(new ScheduleRestriction.Weekly(day.get(), startTime.get(), duration.get()));
        });
  }

  private static String rotation(String word) {
    return switch (word) {
      case "daily", "weekly", "custom" -> word;
      default -> throw new IllegalArgumentException(word);
    };
  }

  private static boolean isWeeklyRestriction(String type) {
    return switch (type) {
      case "daily_restriction" -> false;
      case "weekly_restriction" -> true;
      default -> throw new IllegalArgumentException(type);
    };
  }

  private static Optional<Duration> readDuration(YamlFields fields, int maxHours) {
    if (fields.has("duration_hours") == fields.has("duration_minutes")) {
      YamlNode at = fields.has("duration_minutes") ? fields.optional("duration_minutes").orElseThrow() : fields.node();
      at.report("a restriction needs exactly one of duration_hours, duration_minutes");
      return Optional.empty();
    }
    return fields.has("duration_hours")
        ? fields.requiredInteger("duration_hours", 1, maxHours).map(Duration::ofHours)
        : fields.requiredInteger("duration_minutes", 1, maxHours * 60).map(Duration::ofMinutes);
  }
}
