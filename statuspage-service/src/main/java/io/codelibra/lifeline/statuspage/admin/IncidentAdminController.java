package io.codelibra.lifeline.statuspage.admin;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentPost;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' status incidents: create one and post its updates (investigating, identified, monitoring,
 * resolved), with free text or text rendered from a communication template, and the status each affected
 * component is held at while the incident is open.
 */
@RestController
@RequestMapping("/api/v1/incidents")
public class IncidentAdminController {

  private final StatusPageCommands commands;

  public IncidentAdminController(StatusPageCommands commands) {
    this.commands = commands;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> create(@RequestHeader(name = "From", required = false) String from, @RequestBody IncidentRequest request) {
    if ((request.name() == null || request.name().isBlank()) && request.template() == null) {
      throw AdminRequestException.invalid("a new incident needs a name or a template");
    }
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return post(from, id, request, null);
  }

  @PostMapping("/{id}/updates")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Map<String, Object> update(@PathVariable String id, @RequestHeader(name = "From", required = false) String from,
      @RequestBody IncidentRequest request) {
    StatusIncidentState incident = commands.page().incident(id)
        .orElseThrow(() -> AdminRequestException.notFound("no status incident " + id));
    return post(from, id, request, incident);
  }

  private Map<String, Object> post(String from, String id, IncidentRequest request, StatusIncidentState existing) {
    StatusIncidentStatus status = request.status() == null ? StatusIncidentStatus.investigating : request.status();
    String template = request.template() != null ? request.template() : existing == null ? null : existing.templateId();
    if ((request.body() == null || request.body().isBlank()) && template == null) {
      throw AdminRequestException.invalid("an update needs a body or a template");
    }
    PageSnapshot page = commands.page();
    Map<String, ComponentStatus> components = request.components() == null ? Map.of() : request.components();
    components.keySet().forEach(component -> page.component(component)
        .orElseThrow(() -> AdminRequestException.invalid("no component " + component)));
    StatusIncidentPost post = StatusIncidentPost.newBuilder().setIncidentId(id).setName(blankToNull(request.name()))
        .setStatus(status).setImpact(request.impact()).setBody(blankToNull(request.body())).setTemplateId(template)
        .setVariables(request.variables() == null ? Map.of() : request.variables()).setComponentStatuses(components).build();
    return commands.send(StatusPageCommands.operator(from), post, "incident/" + id);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** A new incident or an update; {@code components} maps component ids to the status held while it is open. */
  public record IncidentRequest(String name, StatusIncidentStatus status, StatusIncidentImpact impact, String body, String template,
      Map<String, String> variables, Map<String, ComponentStatus> components) {
  }
}
