package io.codelibra.lifeline.statuspage.admin;

import io.codelibra.lifeline.events.ComponentDefinition;
import io.codelibra.lifeline.events.ComponentGroupDefinition;
import io.codelibra.lifeline.events.ComponentOverride;
import io.codelibra.lifeline.events.ComponentOverrideRelease;
import io.codelibra.lifeline.events.ComponentRemoval;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' components API: define and remove components and groups, hold a component at a status
 * (an override automation cannot change) and release it. Reads show what automation recorded against each
 * component. Writes need the API key and a {@code From} header, and answer 202 once the change is recorded.
 */
@RestController
@RequestMapping("/api/v1")
public class ComponentAdminController {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final StatusPageCommands commands;

  public ComponentAdminController(StatusPageCommands commands) {
    this.commands = commands;
  }

  @GetMapping("/components")
  public List<ComponentState> components() {
    return commands.page().components();
  }

  @GetMapping("/components/{id}")
  public ComponentState component(@PathVariable String id) {
    return commands.page().component(id).orElseThrow(() -> AdminRequestException.notFound("no component " + id));
  }

  /** Creates or replaces a component's definition (its status is kept). */
  @PutMapping("/components/{id}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> define(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody ComponentRequest request) {
    requireId(id);
    if (request.name() == null || request.name().isBlank()) {
      throw AdminRequestException.invalid("name is required");
    }
    if (request.group() != null && commands.page().group(request.group()).isEmpty()) {
      throw AdminRequestException.invalid("no component group " + request.group());
    }
    ComponentDefinition definition = ComponentDefinition.newBuilder().setComponentId(id).setName(request.name().strip())
        .setDescription(request.description()).setGroupId(request.group()).setPosition(request.position())
        .setShowcase(request.showcase() == null || request.showcase())
        .setOnlyShowIfDegraded(request.onlyShowIfDegraded() != null && request.onlyShowIfDegraded()).build();
    return commands.send(StatusPageCommands.operator(from), definition, "component/" + id);
  }

  @DeleteMapping("/components/{id}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> remove(@PathVariable String id, @RequestHeader(name = "From", required = false) String from) {
    component(id);
    return commands.send(StatusPageCommands.operator(from), new ComponentRemoval(id), "component/" + id);
  }

  @PutMapping("/components/{id}/override")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> override(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody OverrideRequest request) {
    component(id);
    if (request.status() == null) {
      throw AdminRequestException.invalid("status is required: one of operational, degraded_performance, partial_outage, "
          + "major_outage, under_maintenance");
    }
    if (request.reason() == null || request.reason().isBlank()) {
      throw AdminRequestException.invalid("reason is required: it is shown in the audit log");
    }
    return commands.send(StatusPageCommands.operator(from), new ComponentOverride(id, request.status(), request.reason().strip()),
        "component/" + id);
  }

  @DeleteMapping("/components/{id}/override")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> release(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestParam(required = false) String reason) {
    if (component(id).override() == null) {
      throw AdminRequestException.conflict("component " + id + " has no override to release");
    }
    return commands.send(StatusPageCommands.operator(from), new ComponentOverrideRelease(id, reason), "component/" + id);
  }

  @PutMapping("/component-groups/{id}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> defineGroup(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody GroupRequest request) {
    requireId(id);
    if (request.name() == null || request.name().isBlank()) {
      throw AdminRequestException.invalid("name is required");
    }
    return commands.send(StatusPageCommands.operator(from),
        new ComponentGroupDefinition(id, request.name().strip(), request.description(), request.position()), "group/" + id);
  }

  static void requireId(String id) {
    if (!ID.matcher(id).matches()) {
      throw AdminRequestException.invalid("an id is 1-64 letters, digits, '.', '_' or '-'");
    }
  }

  /** A component's definition. */
  public record ComponentRequest(String name, String description, String group, Integer position, Boolean showcase,
      Boolean onlyShowIfDegraded) {
  }

  /** An override: the status to hold and why. */
  public record OverrideRequest(ComponentStatus status, String reason) {
  }

  /** A group's definition. */
  public record GroupRequest(String name, String description, Integer position) {
  }
}
