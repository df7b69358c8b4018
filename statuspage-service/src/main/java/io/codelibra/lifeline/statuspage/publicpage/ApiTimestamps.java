package io.codelibra.lifeline.statuspage.publicpage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Timestamps as Statuspage's public API writes them: ISO-8601 with milliseconds and the offset of the page's time
 * zone, {@code Z} when it is UTC ({@code 2024-09-17T08:08:17.044Z}, {@code 2014-05-14T14:22:39.441-06:00}).
 */
public final class ApiTimestamps {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

  private final ZoneId zone;

  public ApiTimestamps(ZoneId zone) {
    this.zone = zone;
  }

  /** The instant in the page's zone; null stays null (the API writes JSON null). */
  public String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant.atZone(zone));
  }
}
