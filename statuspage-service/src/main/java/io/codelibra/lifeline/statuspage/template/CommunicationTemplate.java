package io.codelibra.lifeline.statuspage.template;

import io.codelibra.lifeline.events.StatusIncidentImpact;
import java.util.Map;

/**
 * A communication template for one type of incident (e.g. {@code region-outage}): a Mustache title and one
 * Mustache body per incident status ({@code investigating}, {@code identified}, {@code monitoring},
 * {@code resolved}), plain text.
 */
public record CommunicationTemplate(String id, String name, StatusIncidentImpact impact, String title, Map<String, String> bodies) {

  public CommunicationTemplate {
    bodies = Map.copyOf(bodies);
  }
}
