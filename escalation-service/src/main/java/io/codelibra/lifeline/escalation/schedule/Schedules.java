package io.codelibra.lifeline.escalation.schedule;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The loaded on-call schedules by id: the {@link OnCallLookup} the escalation logic pages through. */
public final class Schedules implements OnCallLookup {

  private final Map<String, OnCallSchedule> byId = new LinkedHashMap<>();

  public Schedules(Collection<OnCallSchedule> schedules) {
    for (OnCallSchedule schedule : schedules) {
      if (byId.putIfAbsent(schedule.id(), schedule) != null) {
        throw new IllegalArgumentException("duplicate schedule id " + schedule.id());
      }
    }
  }

  public Optional<OnCallSchedule> schedule(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** In the order they were loaded. */
  public List<OnCallSchedule> all() {
    return List.copyOf(byId.values());
  }

  @Override
  public List<String> onCall(String scheduleId, Instant at) {
    return schedule(scheduleId).map(schedule -> schedule.onCallAt(at)).orElse(List.of());
  }

  @Override
  public Set<String> scheduleIds() {
    return Collections.unmodifiableSet(byId.keySet());
  }
}
