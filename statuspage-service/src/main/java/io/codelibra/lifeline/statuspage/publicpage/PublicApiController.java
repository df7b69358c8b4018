package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.page.PageNotRestoredException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statuspage's public API v2, same paths and documents: each answer is the bytes rendered once for the current
 * snapshot, with its ETag (304 when it matches), a short max-age and {@code Access-Control-Allow-Origin: *} so that
 * widgets on other sites can read it.
 */
@RestController
@RequestMapping("/api/v2")
public class PublicApiController {

  static final CacheControl CACHE = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

  private final PublicDocuments documents;

  public PublicApiController(PublicDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/summary.json")
  public ResponseEntity<byte[]> summary() {
    return serve(RenderedPage::summary);
  }

  @GetMapping("/status.json")
  public ResponseEntity<byte[]> status() {
    return serve(RenderedPage::status);
  }

  @GetMapping("/components.json")
  public ResponseEntity<byte[]> components() {
    return serve(RenderedPage::components);
  }

  @GetMapping("/incidents.json")
  public ResponseEntity<byte[]> incidents() {
    return serve(RenderedPage::incidents);
  }

  @GetMapping("/incidents/unresolved.json")
  public ResponseEntity<byte[]> unresolvedIncidents() {
    return serve(RenderedPage::unresolvedIncidents);
  }

  @GetMapping("/scheduled-maintenances.json")
  public ResponseEntity<byte[]> scheduledMaintenances() {
    return serve(RenderedPage::scheduledMaintenances);
  }

  @GetMapping("/scheduled-maintenances/upcoming.json")
  public ResponseEntity<byte[]> upcomingMaintenances() {
    return serve(RenderedPage::upcomingMaintenances);
  }

  @GetMapping("/scheduled-maintenances/active.json")
  public ResponseEntity<byte[]> activeMaintenances() {
    return serve(RenderedPage::activeMaintenances);
  }

  private ResponseEntity<byte[]> serve(Function<RenderedPage, PublicDocument> document) {
    PublicDocument served = document.apply(documents.current().orElseThrow(PageNotRestoredException::new));
    return ResponseEntity.ok()
        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .eTag(served.etag())
        .cacheControl(CACHE)
        .contentType(served.contentType())
        .body(served.body());
  }
}
