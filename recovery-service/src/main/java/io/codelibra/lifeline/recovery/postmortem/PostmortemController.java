package io.codelibra.lifeline.recovery.postmortem;

import io.codelibra.lifeline.runtime.http.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An incident's post-incident review draft (Markdown) and its timeline (JSON). Reads only, so no API key is needed.
 */
@RestController
@RequestMapping("/api/v1/incidents/{incidentId}")
@ConditionalOnProperty(name = "lifeline.recovery.postmortem.enabled", havingValue = "true", matchIfMissing = true)
public class PostmortemController {

  static final MediaType TEXT_MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

  private final IncidentTimeline timeline;
  private final PostmortemStore store;
  private final Clock clock;

  public PostmortemController(IncidentTimeline timeline, PostmortemStore store, ObjectProvider<Clock> clock) {
    this.timeline = timeline;
    this.store = store;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** The draft rendered now from the timeline; the stored draft once the timeline no longer holds the incident. */
  @GetMapping("/postmortem")
  public ResponseEntity<String> postmortem(@PathVariable String incidentId) {
    String markdown = timeline.evidence(incidentId).map(evidence -> PostmortemDraft.render(evidence, clock.instant()))
        .or(() -> store.read(incidentId))
        .orElseThrow(() -> unknown(incidentId));
    return ResponseEntity.ok().contentType(TEXT_MARKDOWN).body(markdown);
  }

  @GetMapping("/timeline")
  public List<TimelineEntry> timeline(@PathVariable String incidentId) {
    return timeline.evidence(incidentId).map(IncidentEvidence::timeline).orElseThrow(() -> unknown(incidentId));
  }

  private static ErrorResponseException unknown(String incidentId) {
    return new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "Unknown incident",
        "No events of incident '" + incidentId + "' are held and no post-incident review of it is stored."), null);
  }
}
