package io.codelibra.lifeline.escalation.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * When a layer is on duty (PagerDuty's restrictions): a window that repeats every day or every week,
 * in the schedule's local time. Outside all of its layer's windows a layer has nobody on call; the
 * rotation keeps turning underneath, so after a restricted-out handoff the next user takes over.
 * A window ends at its local start plus the duration on the wall clock (a 22:00 + 8 h night shift
 * ends at 06:00 also on the night the clocks change).
 */
public sealed interface ScheduleRestriction {

  LocalTime startTimeOfDay();

  Duration duration();

  /** Days between two window starts: 1 or 7. */
  int periodDays();

  /** The local date of the last window start on or before {@code date}. */
  LocalDate lastStartOnOrBefore(LocalDate date);

  default boolean covers(Instant at, ZoneId zone) {
    return windowsAround(at, zone).anyMatch(window -> window.contains(at));
  }

  /** The first start or end of a window after {@code at}. */
  default Instant nextBoundaryAfter(Instant at, ZoneId zone) {
    return windowsAround(at, zone).flatMap(window -> Stream.of(window.start(), window.end()))
        .filter(boundary -> boundary.isAfter(at)).min(Comparator.naturalOrder()).orElseThrow();
  }

  /** The windows that can contain {@code at} (no window is longer than the period) and the one after them. */
  private Stream<TimeWindow> windowsAround(Instant at, ZoneId zone) {
    LocalDate last = lastStartOnOrBefore(LocalDate.ofInstant(at, zone));
    return Stream.of(last.minusDays(periodDays()), last, last.plusDays(periodDays())).map(date -> {
      LocalDateTime start = date.atTime(startTimeOfDay());
      return new TimeWindow(start.atZone(zone).toInstant(), start.plus(duration()).atZone(zone).toInstant());
    });
  }

  /** On duty every day from {@code startTimeOfDay} for {@code duration} (at most 24 hours). */
  record Daily(LocalTime startTimeOfDay, Duration duration) implements ScheduleRestriction {

    public Daily {
      requireLength(duration, Duration.ofDays(1));
    }

    @Override
    public int periodDays() {
      return 1;
    }

    @Override
    public LocalDate lastStartOnOrBefore(LocalDate date) {
      return date;
    }
  }

  /** On duty every week from {@code startDay} at {@code startTimeOfDay} for {@code duration} (at most 168 hours). */
  record Weekly(DayOfWeek startDay, LocalTime startTimeOfDay, Duration duration) implements ScheduleRestriction {

    public Weekly {
      requireLength(duration, Duration.ofDays(7));
    }

    @Override
    public int periodDays() {
      return 7;
    }

    @Override
    public LocalDate lastStartOnOrBefore(LocalDate date) {
      return date.with(TemporalAdjusters.previousOrSame(startDay));
    }
  }

  private static void requireLength(Duration duration, Duration max) {
    if (duration.isNegative() || duration.isZero() || duration.compareTo(max) > 0) {
      throw new IllegalArgumentException("a restriction lasts more than zero and at most " + max + ", not " + duration);
    }
  }
}
