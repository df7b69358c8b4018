package io.codelibra.lifeline.escalation.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An on-call schedule (PagerDuty-like): layers of rotations in the schedule's time zone, and overrides.
 *
 * <p>Who is on call at an instant (the "final schedule"): the user of the override that covers it,
 * the last-listed one when overrides overlap (PagerDuty: the most recent wins); else the user of the
 * last-listed (highest) layer that has somebody on call then, as PagerDuty renders higher layers over
 * lower ones; else nobody.
 */
public record OnCallSchedule(String id, String name, ZoneId timeZone, List<ScheduleLayer> layers,
    List<ScheduleOverride> overrides) {

  /** How far {@link #nextHandoffAfter} looks ahead. */
  public static final Duration HANDOFF_HORIZON = Duration.ofDays(366);

  public OnCallSchedule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeZone, "timeZone");
    layers = List.copyOf(layers);
    overrides = List.copyOf(overrides);
  }

  /** The user on call at {@code at} as a list of at most one (the {@link OnCallLookup} shape); empty when nobody. */
  public List<String> onCallAt(Instant at) {
    for (ScheduleOverride override : overrides.reversed()) {
      if (override.covers(at)) {
        return List.of(override.user());
      }
    }
    for (ScheduleLayer layer : layers.reversed()) {
      Optional<String> user = layer.onCallAt(at, timeZone);
      if (user.isPresent()) {
        return List.of(user.get());
      }
    }
    return List.of();
  }

  /**
   * The first change of who is on call after {@code at}, within {@link #HANDOFF_HORIZON}; empty when
   * it stays the same that long. A layer's handoff that changes nothing (a one-user rotation, a
   * handoff hidden under an override or a higher layer) is not a handoff here.
   */
  public Optional<Handoff> nextHandoffAfter(Instant at) {
    List<String> current = onCallAt(at);
    Instant horizon = at.plus(HANDOFF_HORIZON);
    Optional<Instant> candidate = nextChangeAfter(at);
    while (candidate.isPresent() && !candidate.get().isAfter(horizon)) {
      List<String> then = onCallAt(candidate.get());
      if (!then.equals(current)) {
        return Optional.of(new Handoff(candidate.get(), then));
      }
      candidate = nextChangeAfter(candidate.get());
    }
    return Optional.empty();
  }

  private Optional<Instant> nextChangeAfter(Instant at) {
    Stream<Instant> overrideEdges = overrides.stream().flatMap(override -> Stream.of(override.start(), override.end()))
        .filter(edge -> edge.isAfter(at));
    Stream<Instant> layerChanges = layers.stream().flatMap(layer -> layer.nextChangeAfter(at, timeZone).stream());
    return Stream.concat(overrideEdges, layerChanges).min(Comparator.naturalOrder());
  }
}
