package io.codelibra.lifeline.escalation.api;

import io.codelibra.lifeline.escalation.incident.IncidentState;
import io.codelibra.lifeline.escalation.incident.IncidentStatus;
import io.codelibra.lifeline.escalation.incident.TimelineEntry;
import io.codelibra.lifeline.escalation.policy.PolicyTarget;
import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.IncidentAction;
import io.codelibra.lifeline.events.IncidentActionRequested;
import io.codelibra.lifeline.events.Target;
import io.codelibra.lifeline.events.TargetType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' incident API. Reads come from the state stores; writes (API key required, plus a
 * {@code From} header naming the person, as in PagerDuty's REST API) become
 * {@code IncidentActionRequested} records and are answered 202 once the broker has them.
 */
@RestController
@RequestMapping("/api/v1/incidents")
public class IncidentController {

  private static final int MAX_LIMIT = 1000;

  private final IncidentQueries queries;
  private final IncidentActionPublisher actions;

  public IncidentController(IncidentQueries queries, IncidentActionPublisher actions) {
    this.queries = queries;
    this.actions = actions;
  }

  @GetMapping
  public List<IncidentView> list(@RequestParam(required = false) Set<String> status,
      @RequestParam(required = false) String service, @RequestParam(required = false) Set<String> severity,
      @RequestParam(defaultValue = "100") int limit) {
    Predicate<IncidentState> filter = incident -> (status == null || status.contains(incident.status().name()))
        && (service == null || service.equals(incident.service()))
        && (severity == null || severity.contains(incident.severity().name()));
    return queries.list(filter, Math.clamp(limit, 1, MAX_LIMIT)).stream().map(IncidentView::of).toList();
  }

  @GetMapping("/{id}")
  public IncidentView incident(@PathVariable String id) {
    return IncidentView.of(find(id));
  }

  @GetMapping("/{id}/timeline")
  public List<TimelineEntry> timeline(@PathVariable String id) {
    return find(id).timeline();
  }

  public record ActionBody(String note, Integer level, Integer minutes, List<TargetBody> targets) {
  }

  public record TargetBody(String type, String id) {
  }

  @PostMapping("/{id}/acknowledge")
  public ResponseEntity<Map<String, Object>> acknowledge(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) ActionBody body) {
    return act(id, IncidentAction.acknowledge, from, body, Set.of(IncidentStatus.triggered));
  }

  @PostMapping("/{id}/resolve")
  public ResponseEntity<Map<String, Object>> resolve(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) ActionBody body) {
    return act(id, IncidentAction.resolve, from, body, Set.of(IncidentStatus.triggered, IncidentStatus.acknowledged));
  }

  @PostMapping("/{id}/escalate")
  public ResponseEntity<Map<String, Object>> escalate(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) ActionBody body) {
    if (body != null && body.level() != null && body.level() < 1) {
      throw new InvalidActionException("level must be 1 or more");
    }
    return act(id, IncidentAction.escalate, from, body, Set.of(IncidentStatus.triggered, IncidentStatus.acknowledged));
  }

  @PostMapping("/{id}/reassign")
  public ResponseEntity<Map<String, Object>> reassign(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) ActionBody body) {
    if (body == null || body.targets() == null || body.targets().isEmpty()) {
      throw new InvalidActionException("targets must name at least one user_reference or schedule_reference");
    }
    return act(id, IncidentAction.reassign, from, body, Set.of(IncidentStatus.triggered, IncidentStatus.acknowledged));
  }

  @PostMapping("/{id}/snooze")
  public ResponseEntity<Map<String, Object>> snooze(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) ActionBody body) {
    if (body == null || body.minutes() == null || body.minutes() < 1 || body.minutes() > 7 * 24 * 60) {
      throw new InvalidActionException("minutes must be between 1 and 10080 (one week)");
    }
    return act(id, IncidentAction.snooze, from, body, Set.of(IncidentStatus.triggered, IncidentStatus.acknowledged));
  }

  private ResponseEntity<Map<String, Object>> act(String id, IncidentAction action, String from, ActionBody body,
      Set<IncidentStatus> allowedFrom) {
    if (from == null || from.isBlank()) {
      throw new InvalidActionException("the From header must name the person acting (e.g. their e-mail address)");
    }
    IncidentState incident = find(id);
    if (!allowedFrom.contains(incident.status())) {
      throw new ActionConflictException("incident " + id + " is " + incident.status() + ": cannot " + action);
    }
    ActionBody request = body == null ? new ActionBody(null, null, null, null) : body;
    IncidentActionRequested sent = actions.request(incident, action, new Actor(ActorType.user, from.strip(), null),
        request.note(), targets(request.targets()), request.level(), request.minutes());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of(
        "status", "accepted", "incident_id", id, "action", action.name(), "request_id", sent.getEventId().toString()));
  }

  private static List<Target> targets(List<TargetBody> targets) {
    if (targets == null) {
      return List.of();
    }
    return targets.stream().map(target -> {
      try {
        PolicyTarget.Type type = PolicyTarget.Type.valueOf(target.type());
        if (target.id() == null || target.id().isBlank()) {
          throw new InvalidActionException("every target needs an id");
        }
        return new Target(TargetType.valueOf(type.name()), target.id());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new InvalidActionException("target type must be user_reference or schedule_reference");
      }
    }).toList();
  }

  private IncidentState find(String id) {
    return queries.incident(id).orElseThrow(() -> new IncidentNotFoundException(id));
  }
}
