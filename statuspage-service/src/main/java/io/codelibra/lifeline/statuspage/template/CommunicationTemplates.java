package io.codelibra.lifeline.statuspage.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured communication templates, compiled once. Rendering is strict: a variable the template uses
 * but the caller does not give is an error (so a preview shows it), never an empty gap in a customer message.
 * Output is plain text (no HTML escaping here; the HTML page escapes what it shows).
 */
public final class CommunicationTemplates {

  private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).strictSections(false);

  private final Map<String, CommunicationTemplate> templates;
  private final Map<String, Template> compiled = new LinkedHashMap<>();

  public CommunicationTemplates(Collection<CommunicationTemplate> templates) {
    this.templates = new LinkedHashMap<>();
    for (CommunicationTemplate template : templates) {
      this.templates.put(template.id(), template);
      compiled.put(template.id() + "#title", compile(template.id(), "title", template.title()));
      template.bodies().forEach((status, body) -> compiled.put(template.id() + "#" + status, compile(template.id(), status, body)));
    }
  }

  public List<CommunicationTemplate> all() {
    return new ArrayList<>(templates.values());
  }

  public Optional<CommunicationTemplate> find(String id) {
    return Optional.ofNullable(templates.get(id));
  }

  public boolean hasBody(String id, String status) {
    return compiled.containsKey(id + "#" + status);
  }

  /** Renders the title and the body for {@code status} of template {@code id}. */
  public RenderedMessage render(String id, String status, Map<String, ?> variables) {
    CommunicationTemplate template = find(id).orElseThrow(() -> new TemplateException("no template '" + id + "'"));
    Template body = compiled.get(id + "#" + status);
    if (body == null) {
      throw new TemplateException("template '" + id + "' has no text for status '" + status + "'");
    }
    return new RenderedMessage(template.id(), execute(id, "title", compiled.get(id + "#title"), variables),
        execute(id, status, body, variables));
  }

  private static Template compile(String id, String part, String text) {
    if (text == null || text.isBlank()) {
      throw new TemplateException("template '" + id + "': " + part + " is empty");
    }
    try {
      return COMPILER.compile(text);
    } catch (MustacheException e) {
      throw new TemplateException("template '" + id + "': " + part + ": " + e.getMessage(), e);
    }
  }

  private static String execute(String id, String part, Template template, Map<String, ?> variables) {
    try {
      return template.execute(variables).strip();
    } catch (MustacheException e) {
      throw new TemplateException("template '" + id + "' (" + part + "): " + e.getMessage(), e);
    }
  }
}
