package io.codelibra.lifeline.escalation.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** How long each user's turn in a layer's rotation lasts. */
public sealed interface RotationTurn {

  /** When turn {@code turn} begins (turn 0 begins at {@code firstHandoff}, local time in {@code zone}). */
  Instant startOfTurn(LocalDateTime firstHandoff, ZoneId zone, long turn);

  /** The usual length of a turn, to estimate which turn an instant falls in. */
  Duration nominalLength();

  static RotationTurn daily() {
    return new CalendarDays(1);
  }

  static RotationTurn weekly() {
    return new CalendarDays(7);
  }

  /**
   * Turns of whole days that hand off at the same local wall-clock time every time, so a turn that
   * spans a daylight-saving change lasts an hour more or less.
   */
  record CalendarDays(int days) implements RotationTurn {

    public CalendarDays {
      if (days < 1) {
        throw new IllegalArgumentException("a turn lasts at least one day, not " + days);
      }
    }

    @Override
    public Instant startOfTurn(LocalDateTime firstHandoff, ZoneId zone, long turn) {
      // from the local start every time: a handoff pushed out of a DST gap does not drag later ones along
      return firstHandoff.plusDays(days * turn).atZone(zone).toInstant();
    }

    @Override
    public Duration nominalLength() {
      return Duration.ofDays(days);
    }
  }

  /** Turns of a fixed duration (hours, minutes): the wall-clock handoff time moves across daylight-saving changes. */
  record FixedLength(Duration length) implements RotationTurn {

    public FixedLength {
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("a turn must last longer than zero, not " + length);
      }
    }

    @Override
    public Instant startOfTurn(LocalDateTime firstHandoff, ZoneId zone, long turn) {
      return firstHandoff.atZone(zone).toInstant().plus(length.multipliedBy(turn));
    }

    @Override
    public Duration nominalLength() {
      return length;
    }
  }
}
