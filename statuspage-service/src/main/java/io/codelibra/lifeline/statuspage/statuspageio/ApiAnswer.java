package io.codelibra.lifeline.statuspage.statuspageio;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What Statuspage.io answered to one request: the status, the start of the body and its {@code Retry-After}
 * header (null when absent).
 */
record ApiAnswer(int status, String body, String retryAfter) {

  private static final int MAX_LOGGED_BODY = 500;

  boolean accepted() {
    return status >= 200 && status < 300;
  }

  /** 408, 429 and 5xx may pass on another attempt; any other refusal would only repeat. */
  boolean retryable() {
    return status == 408 || status == 429 || status >= 500;
  }

  /** How long the API asked us to wait, from {@code Retry-After} in seconds or as an HTTP date. */
  Optional<Duration> requestedWait(Instant now) {
    if (retryAfter == null || retryAfter.isBlank()) {
      return Optional.empty();
    }
    String value = retryAfter.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** "HTTP 404: {body}", the body on one line and shortened, for the log. */
  String describe() {
    String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    if (line.length() > MAX_LOGGED_BODY) {
      line = line.substring(0, MAX_LOGGED_BODY) + "…";
    }
    return line.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + line;
  }
}
