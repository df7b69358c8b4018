package io.codelibra.lifeline.escalation.schedule;

import io.codelibra.lifeline.runtime.yaml.YamlNode;
import io.codelibra.lifeline.runtime.yaml.YamlProblems;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads on-call schedule files ({@code schedules:} lists) into {@link Schedules}; every problem of
 * every file is reported together, as {@code file:line: reason}.
 */
public final class ScheduleFiles {

  private static final String INSTANT = "a date-time with an offset such as 2026-03-08T00:00:00-05:00, or a local "
      + "date-time in the schedule's time_zone";

  private final YamlProblems problems = new YamlProblems();
  private final Map<String, YamlNode> definitions = new LinkedHashMap<>();
  private final List<OnCallSchedule> schedules = new ArrayList<>();

  private ScheduleFiles() {
  }

  /** @throws ScheduleFileException listing every problem found */
  public static Schedules load(List<YamlSource> files) {
    ScheduleFiles loading = new ScheduleFiles();
    files.forEach(file -> YamlNode.parse(file, loading.problems).ifPresent(loading::readFile));
    if (!loading.problems.isEmpty()) {
      throw new ScheduleFileException(loading.problems.messages());
    }
    return new Schedules(loading.schedules);
  }

  private void readFile(YamlNode root) {
    root.fields("a schedule file", "schedules")
        .flatMap(fields -> fields.optionalItems("schedules"))
        .ifPresent(items -> items.forEach(item -> readSchedule(item).ifPresent(this::add)));
  }

  private void add(Defined defined) {
    YamlNode first = definitions.putIfAbsent(defined.schedule().id(), defined.node());
    if (first != null) {
      defined.node().report("duplicate schedule id '" + defined.schedule().id() + "' (first defined at "
          + first.location() + ")");
      return;
    }
    schedules.add(defined.schedule());
  }

  private Optional<Defined> readSchedule(YamlNode node) {
    return node.fields("schedule", "id", "name", "time_zone", "layers", "overrides").flatMap(fields -> {
      Optional<String> id = fields.requiredText("id");
      Optional<String> name = fields.optionalText("name");
      Optional<ZoneId> zone = fields.required("time_zone")
          .flatMap(value -> value.parsed("time_zone", ZoneId::of, "a time zone id such as America/New_York"));
      AtomicInteger position = new AtomicInteger();
      Optional<List<ScheduleLayer>> layers = fields.requiredItems("layers").flatMap(items -> YamlNode.readAll(items,
          item -> ScheduleLayerReader.read(item, position.incrementAndGet())));
      // with a bad time zone, overrides are still checked; UTC stands in for reading their local times
      ZoneId readingZone = zone.orElse(ZoneOffset.UTC);
      Optional<List<ScheduleOverride>> overrides = fields.optionalItems("overrides")
          .map(items -> YamlNode.readAll(items, item -> readOverride(item, readingZone)))
          .orElse(Optional.of(List.of()));
      if (id.isEmpty() || zone.isEmpty() || layers.isEmpty() || overrides.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Defined(node,
          new OnCallSchedule(id.get(), name.orElse(id.get()), zone.get(), layers.get(), overrides.get())));
    });
  }

  private static Optional<ScheduleOverride> readOverride(YamlNode node, ZoneId zone) {
    return node.fields("override", "user", "start", "end").flatMap(fields -> {
      Optional<String> user = fields.requiredText("user");
      Optional<Instant> start = fields.required("start")
          .flatMap(value -> value.parsed("start", text -> instant(text, zone), INSTANT));
      Optional<Instant> end = fields.required("end")
          .flatMap(value -> value.parsed("end", text -> instant(text, zone), INSTANT));
      if (user.isEmpty() || start.isEmpty() || end.isEmpty()) {
        return Optional.empty();
      }
      if (!end.get().isAfter(start.get())) {
        fields.optional("end").orElseThrow().report("end must be after start");
        return Optional.empty();
      }
      return Optional.of(new ScheduleOverride(user.get(), start.get(), end.get()));
    });
  }

  private static Instant instant(String text, ZoneId zone) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    }
  }

  private record Defined(YamlNode node, OnCallSchedule schedule) {
  }
}
