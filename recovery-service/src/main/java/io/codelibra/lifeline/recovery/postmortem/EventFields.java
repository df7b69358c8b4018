package io.codelibra.lifeline.recovery.postmortem;

import io.codelibra.lifeline.events.Actor;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** The envelope every Lifeline event carries ({@code eventId}, {@code occurredAt}, {@code source}), read from any record. */
final class EventFields {

  private EventFields() {
  }

  static String eventId(SpecificRecord event) {
    Object id = field(event, "eventId");
    return id == null ? null : id.toString();
  }

  static Instant occurredAt(SpecificRecord event) {
    Object at = field(event, "occurredAt");
    return at instanceof Instant instant ? instant : Instant.EPOCH;
  }

  static String source(SpecificRecord event) {
    Object source = field(event, "source");
    return source == null ? "" : source.toString();
  }

  static String type(SpecificRecord event) {
    return event.getSchema().getName();
  }

  static String actor(Actor actor) {
    if (actor == null) {
      return "unknown";
    }
    return actor.getName() == null || actor.getName().isBlank() ? actor.getId() : actor.getName();
  }

  /** A duration as people read it in a review: {@code 1h 02m}, {@code 4m 12s}, {@code 850 ms}. */
  static String human(Duration duration) {
    if (duration.isNegative()) {
      return "-" + human(duration.negated());
    }
    long seconds = duration.toSeconds();
    if (seconds < 1) {
      return duration.toMillis() + " ms";
    }
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long secs = seconds % 60;
    if (days > 0) {
      return "%dd %02dh %02dm".formatted(days, hours, minutes);
    }
    if (hours > 0) {
      return "%dh %02dm".formatted(hours, minutes);
    }
    if (minutes > 0) {
      return "%dm %02ds".formatted(minutes, secs);
    }
    return secs + "s";
  }

  static String human(long millis) {
    return human(Duration.ofMillis(millis));
  }

  private static Object field(SpecificRecord event, String name) {
    Schema.Field field = event.getSchema().getField(name);
    return field == null ? null : event.get(field.pos());
  }
}
