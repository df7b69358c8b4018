package io.codelibra.lifeline.escalation.api;

import io.codelibra.lifeline.escalation.schedule.Handoff;
import io.codelibra.lifeline.escalation.schedule.OnCallSchedule;
import io.codelibra.lifeline.escalation.schedule.Schedules;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Who is on call for schedule S at time T", and who takes over next. */
@RestController
public class OnCallController {

  private final Schedules schedules;
  private final Clock clock;

  public OnCallController(Schedules schedules, Clock clock) {
    this.schedules = schedules;
    this.clock = clock;
  }

  public record OnCall(String schedule_id, String schedule_name, String time_zone, Instant at, List<String> on_call,
      Instant next_handoff_at, List<String> next_on_call) {
  }

  /** Every schedule, or the ones named by {@code schedule_ids}, at {@code at} (ISO-8601 instant; default now). */
  @GetMapping("/api/v1/oncalls")
  public List<OnCall> onCalls(@RequestParam(name = "schedule_ids", required = false) Set<String> ids,
      @RequestParam(required = false) String at) {
    Instant when = instant(at);
    return schedules.all().stream().filter(schedule -> ids == null || ids.contains(schedule.id()))
        .map(schedule -> onCall(schedule, when)).toList();
  }

  @GetMapping("/api/v1/schedules/{id}/oncall")
  public OnCall onCall(@PathVariable String id, @RequestParam(required = false) String at) {
    OnCallSchedule schedule = schedules.schedule(id).orElseThrow(() -> new ScheduleNotFoundException(id));
    return onCall(schedule, instant(at));
  }

  private static OnCall onCall(OnCallSchedule schedule, Instant at) {
    Handoff next = schedule.nextHandoffAfter(at).orElse(null);
    return new OnCall(schedule.id(), schedule.name(), schedule.timeZone().getId(), at, schedule.onCallAt(at),
        next == null ? null : next.at(), next == null ? List.of() : next.onCall());
  }

  private Instant instant(String at) {
    if (at == null || at.isBlank()) {
      return clock.instant();
    }
    try {
      return Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw new InvalidActionException("at must be an ISO-8601 instant, e.g. 2026-11-24T09:00:00Z");
    }
  }
}
