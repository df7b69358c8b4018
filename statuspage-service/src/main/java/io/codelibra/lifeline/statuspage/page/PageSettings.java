package io.codelibra.lifeline.statuspage.page;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The page itself (Statuspage's page object) and how long its history is kept: {@code uptimeDays} bars,
 * and how far ahead the templates' "next update" time is announced.
 */
public record PageSettings(String id, String name, String url, ZoneId timeZone, int uptimeDays, Duration nextUpdateIn) {

  public Duration historyRetention() {
    return Duration.ofDays(uptimeDays + 1L);
  }
}
