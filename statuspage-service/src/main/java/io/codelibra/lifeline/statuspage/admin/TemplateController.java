package io.codelibra.lifeline.statuspage.admin;

import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.statuspage.config.PageConfiguration;
import io.codelibra.lifeline.statuspage.page.MessageVariables;
import io.codelibra.lifeline.statuspage.template.CommunicationTemplate;
import io.codelibra.lifeline.statuspage.template.RenderedMessage;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The communication templates and their preview: renders a template's title and the text for one status
 * with the given variables over the documented example values, exactly as an incident would be posted.
 */
@RestController
@RequestMapping("/api/v1/templates")
public class TemplateController {

  private final PageConfiguration configuration;
  private final Clock clock;

  public TemplateController(PageConfiguration configuration, Clock clock) {
    this.configuration = configuration;
    this.clock = clock;
  }

  @GetMapping
  public List<CommunicationTemplate> templates() {
    return configuration.templates().all();
  }

  @GetMapping("/variables")
  public Map<String, Object> variables() {
    return MessageVariables.examples(configuration.settings(), clock.instant());
  }

  /** A preview changes nothing, but is a POST because it carries a body; the API key is required like any POST. */
  @PostMapping("/{id}/preview")
  public RenderedMessage preview(@PathVariable String id, @RequestBody(required = false) PreviewRequest request) {
    if (configuration.templates().find(id).isEmpty()) {
      throw AdminRequestException.notFound("no template " + id);
    }
    StatusIncidentStatus status = request == null || request.status() == null ? StatusIncidentStatus.investigating : request.status();
    Map<String, Object> variables = new LinkedHashMap<>(MessageVariables.examples(configuration.settings(), clock.instant()));
    if (request != null && request.variables() != null) {
      variables.putAll(request.variables());
    }
    return configuration.templates().render(id, status.name(), variables);
  }

  /** The status to preview and variables replacing the examples. */
  public record PreviewRequest(StatusIncidentStatus status, Map<String, String> variables) {
  }
}
