package io.codelibra.lifeline.statuspage.admin;

import io.codelibra.lifeline.events.MaintenancePlan;
import io.codelibra.lifeline.events.MaintenanceStep;
import io.codelibra.lifeline.events.MaintenanceStepKind;
import io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceTransitionException;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' scheduled maintenance: schedule or reschedule a window, and move it along its lifecycle by
 * hand ({@code start}, {@code verify}, {@code complete}, {@code cancel}); windows with autoStart/autoComplete
 * also start and complete at their times without anyone.
 */
@RestController
@RequestMapping("/api/v1/maintenances")
public class MaintenanceAdminController {

  private final StatusPageCommands commands;

  public MaintenanceAdminController(StatusPageCommands commands) {
    this.commands = commands;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> schedule(@RequestHeader(name = "From", required = false) String from,
      @RequestBody MaintenanceRequest request) {
    return plan(from, UUID.randomUUID().toString().replace("-", "").substring(0, 12), request);
  }

  @PutMapping("/{id}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> reschedule(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody MaintenanceRequest request) {
    MaintenanceState current = maintenance(commands.page(), id);
    if (current.phase() != MaintenancePhase.scheduled) {
      throw AdminRequestException.conflict("maintenance " + id + " is " + current.phase() + ": only a scheduled window can be rescheduled");
    }
    return plan(from, id, request);
  }

  @PostMapping("/{id}/{step}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> step(@PathVariable String id, @PathVariable String step,
      @RequestHeader(name = "From", required = false) String from, @RequestBody(required = false) StepRequest request) {
    MaintenanceStepKind kind = switch (step.toLowerCase(Locale.ROOT)) {
      case "start" -> MaintenanceStepKind.start;
      case "verify" -> MaintenanceStepKind.verify;
      case "complete" -> MaintenanceStepKind.complete;
      case "cancel" -> MaintenanceStepKind.cancel;
      default -> throw AdminRequestException.notFound("no step " + step + ": start, verify, complete or cancel");
    };
    MaintenanceState current = maintenance(commands.page(), id);
    try {
      current.check(MaintenanceState.Step.valueOf(kind.name().toUpperCase(Locale.ROOT)));
    } catch (MaintenanceTransitionException e) {
      throw AdminRequestException.conflict(e.getMessage());
    }
    String note = request == null || request.note() == null || request.note().isBlank() ? null : request.note().strip();
    return commands.send(StatusPageCommands.operator(from), new MaintenanceStep(id, kind, note), "maintenance/" + id);
  }

  private Map<String, Object> plan(String from, String id, MaintenanceRequest request) {
    if (request.title() == null || request.title().isBlank()) {
      throw AdminRequestException.invalid("title is required");
    }
    if (request.scheduledFor() == null || request.scheduledUntil() == null || !request.scheduledUntil().isAfter(request.scheduledFor())) {
      throw AdminRequestException.invalid("scheduledFor and scheduledUntil are required, and the window must end after it starts");
    }
    PageSnapshot page = commands.page();
    List<String> components = request.components() == null ? List.of() : request.components();
    components.forEach(component -> page.component(component)
        .orElseThrow(() -> AdminRequestException.invalid("no component " + component)));
    MaintenancePlan plan = MaintenancePlan.newBuilder().setMaintenanceId(id).setTitle(request.title().strip())
        .setDescription(request.description()).setComponentIds(components)
        .setScheduledFor(request.scheduledFor()).setScheduledUntil(request.scheduledUntil())
        .setAutoStart(request.autoStart() == null || request.autoStart())
        .setAutoComplete(request.autoComplete() == null || request.autoComplete())
        .setSuppressAlerts(request.suppressAlerts() == null || request.suppressAlerts()).build();
    return commands.send(StatusPageCommands.operator(from), plan, "maintenance/" + id);
  }

  private static MaintenanceState maintenance(PageSnapshot page, String id) {
    return page.maintenance(id).orElseThrow(() -> AdminRequestException.notFound("no maintenance " + id));
  }

  /** A maintenance window; automatic start, completion and alert suppression default to true. */
  public record MaintenanceRequest(String title, String description, List<String> components, Instant scheduledFor,
      Instant scheduledUntil, Boolean autoStart, Boolean autoComplete, Boolean suppressAlerts) {
  }

  /** An optional note shown as the update text. */
  public record StepRequest(String note) {
  }
}
