package io.codelibra.lifeline.statuspage.component;

import io.codelibra.lifeline.events.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily uptime from a component's status history, the way Statuspage computes it: a major outage counts in
 * full, a partial outage at 30 %, degraded performance and maintenance not at all. Time before the
 * component's first span is not counted (a day with none of its time known has no uptime).
 */
public final class UptimeCalculator {

  static final double PARTIAL_OUTAGE_WEIGHT = 0.3;

  private UptimeCalculator() {
  }

  /** The last {@code days} days up to and including today (in {@code zone}), oldest first. */
  public static List<UptimeDay> days(ComponentHistory history, Instant now, ZoneId zone, int days) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    List<UptimeDay> result = new ArrayList<>(days);
    for (LocalDate date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
      Instant dayStart = date.atStartOfDay(zone).toInstant();
      Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
      result.add(day(history, date, dayStart, dayEnd.isAfter(now) ? now : dayEnd));
    }
    return result;
  }

  /** Uptime over the whole period of {@link #days}, weighted like a day's; null when nothing is known. */
  public static Double overall(List<UptimeDay> days, ComponentHistory history, Instant now, ZoneId zone) {
    long known = 0;
    double down = 0;
    for (UptimeDay day : days) {
      if (day.uptime() == null) {
        continue;
      }
      Instant start = day.date().atStartOfDay(zone).toInstant();
      Instant end = day.date().plusDays(1).atStartOfDay(zone).toInstant();
      Instant first = history.spans().get(0).from();
      long dayKnown = Duration.between(start.isBefore(first) ? first : start, end.isAfter(now) ? now : end).toMillis();
      known += dayKnown;
      down += (1 - day.uptime()) * dayKnown;
    }
    return known == 0 ? null : 1 - down / known;
  }

  private static UptimeDay day(ComponentHistory history, LocalDate date, Instant start, Instant end) {
    List<StatusSpan> spans = history.spans();
    long knownMs = 0;
    long majorMs = 0;
    long partialMs = 0;
    ComponentStatus worst = null;
    for (int i = 0; i < spans.size(); i++) {
      Instant from = spans.get(i).from();
      Instant to = i + 1 < spans.size() ? spans.get(i + 1).from() : end;
      Instant overlapStart = from.isAfter(start) ? from : start;
      Instant overlapEnd = to.isBefore(end) ? to : end;
      if (!overlapEnd.isAfter(overlapStart)) {
        continue;
      }
      long ms = Duration.between(overlapStart, overlapEnd).toMillis();
      ComponentStatus status = spans.get(i).status();
      knownMs += ms;
      if (status == ComponentStatus.major_outage) {
        majorMs += ms;
      } else if (status == ComponentStatus.partial_outage) {
        partialMs += ms;
      }
      if (worst == null || StatusRank.of(status) > StatusRank.of(worst)) {
        worst = status;
      }
    }
    if (knownMs == 0) {
      return new UptimeDay(date, null, null, 0, 0);
    }
    double uptime = 1 - (majorMs + PARTIAL_OUTAGE_WEIGHT * partialMs) / knownMs;
    return new UptimeDay(date, uptime, worst, Duration.ofMillis(majorMs).toMinutes(), Duration.ofMillis(partialMs).toMinutes());
  }
}
