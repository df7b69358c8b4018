package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.statuspage.component.ComponentHistory;
import io.codelibra.lifeline.statuspage.component.UptimeCalculator;
import io.codelibra.lifeline.statuspage.component.UptimeDay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A component's daily uptime bars as the page shows them: per day a colour level (the day's worst status, or
 * {@code none} without data) and the text that says the same for those who cannot see the colour, e.g.
 * "2026-11-20: 99.16 % uptime, 12 min major outage"; and the uptime over the whole period.
 */
public record UptimeBars(List<Bar> bars, String overall) {

  /** One day's bar. */
  public record Bar(String level, String text) {
  }

  public static UptimeBars of(ComponentHistory history, Instant now, ZoneId zone, int days) {
    ComponentHistory known = history == null ? new ComponentHistory("", List.of()) : history;
    List<UptimeDay> uptime = UptimeCalculator.days(known, now, zone, days);
    List<Bar> bars = uptime.stream().map(day -> new Bar(day.uptime() == null ? "none" : day.worst().name(), text(day))).toList();
    Double overall = UptimeCalculator.overall(uptime, known, now, zone);
    return new UptimeBars(bars, overall == null ? "no data" : percent(overall) + " uptime");
  }

  static String text(UptimeDay day) {
    String date = day.date().toString();
    if (day.uptime() == null) {
      return date + ": no data";
    }
    List<String> parts = new ArrayList<>();
    parts.add(percent(day.uptime()) + " uptime");
    if (day.majorOutageMinutes() > 0 || day.worst() == ComponentStatus.major_outage) {
      parts.add(minutes(day.majorOutageMinutes()) + " major outage");
    }
    if (day.partialOutageMinutes() > 0 || day.worst() == ComponentStatus.partial_outage) {
      parts.add(minutes(day.partialOutageMinutes()) + " partial outage");
    }
    if (day.worst() == ComponentStatus.degraded_performance) {
      parts.add("degraded performance");
    } else if (day.worst() == ComponentStatus.under_maintenance) {
      parts.add("under maintenance");
    } else if (parts.size() == 1) {
      parts.add("no downtime");
    }
    return date + ": " + String.join(", ", parts);
  }

  /** Rounded down, so a day with any downtime never reads 100 %. */
  static String percent(double uptime) {
    BigDecimal value = BigDecimal.valueOf(uptime).setScale(12, RoundingMode.HALF_UP).movePointRight(2).setScale(2, RoundingMode.FLOOR);
    return value.stripTrailingZeros().toPlainString() + " %";
  }

  private static String minutes(long minutes) {
    return minutes == 0 ? "less than 1 min" : minutes + " min";
  }
}
