package io.codelibra.lifeline.escalation.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One layer of a schedule: {@code users} take turns in order, the first from
 * {@code rotationVirtualStart} (local time in the schedule's zone, which also fixes the handoff time
 * of day) until {@code end}, if any. Before its start and after its end the layer has nobody on call;
 * with restrictions it has somebody only inside one of their windows.
 */
public record ScheduleLayer(String name, List<String> users, LocalDateTime rotationVirtualStart, RotationTurn turn,
    Optional<LocalDateTime> end, List<ScheduleRestriction> restrictions) {

  public ScheduleLayer {
    Objects.requireNonNull(name, "name");
    users = List.copyOf(users);
    if (users.isEmpty()) {
      throw new IllegalArgumentException("layer " + name + " has no users");
    }
    Objects.requireNonNull(rotationVirtualStart, "rotationVirtualStart");
    Objects.requireNonNull(turn, "turn");
    Objects.requireNonNull(end, "end");
    restrictions = List.copyOf(restrictions);
  }

  public Optional<String> onCallAt(Instant at, ZoneId zone) {
    if (!isActiveAt(at, zone)) {
      return Optional.empty();
    }
    if (!restrictions.isEmpty() && restrictions.stream().noneMatch(restriction -> restriction.covers(at, zone))) {
      return Optional.empty();
    }
    return Optional.of(users.get(Math.floorMod(turnAt(at, zone), users.size())));
  }

  /** The next instant after {@code at} at which this layer's on-call may change: a handoff, a window edge, its end. */
  Optional<Instant> nextChangeAfter(Instant at, ZoneId zone) {
    Instant first = rotationVirtualStart.atZone(zone).toInstant();
    if (at.isBefore(first)) {
      return Optional.of(first);
    }
    Optional<Instant> endsAt = end.map(local -> local.atZone(zone).toInstant());
    if (endsAt.isPresent() && !at.isBefore(endsAt.get())) {
      return Optional.empty();
    }
    List<Instant> candidates = new ArrayList<>();
    candidates.add(turn.startOfTurn(rotationVirtualStart, zone, turnAt(at, zone) + 1));
    endsAt.ifPresent(candidates::add);
    restrictions.forEach(restriction -> candidates.add(restriction.nextBoundaryAfter(at, zone)));
    return candidates.stream().min(Comparator.naturalOrder());
  }

  private boolean isActiveAt(Instant at, ZoneId zone) {
    return !at.isBefore(rotationVirtualStart.atZone(zone).toInstant())
        && end.map(local -> at.isBefore(local.atZone(zone).toInstant())).orElse(true);
  }

  /** The number of the turn that {@code at} falls in; turn 0 starts at the virtual start. */
  private long turnAt(Instant at, ZoneId zone) {
    Instant first = rotationVirtualStart.atZone(zone).toInstant();
    // the estimate is off by at most one turn (DST moves calendar turns by an hour), so the loops run once or twice
    long turnNumber = Duration.between(first, at).dividedBy(turn.nominalLength());
    while (turn.startOfTurn(rotationVirtualStart, zone, turnNumber).isAfter(at)) {
      turnNumber--;
    }
    while (!turn.startOfTurn(rotationVirtualStart, zone, turnNumber + 1).isAfter(at)) {
      turnNumber++;
    }
    return turnNumber;
  }
}
