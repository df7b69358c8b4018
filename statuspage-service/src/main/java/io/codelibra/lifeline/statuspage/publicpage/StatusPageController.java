package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.page.PageNotRestoredException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public HTML status page ({@code /}, {@code /index.html}) and its Atom incident history ({@code /history.atom}),
 * served from the bytes rendered once per snapshot version and day. The page carries a Content-Security-Policy that
 * allows no script at all: it needs none.
 */
@RestController
public class StatusPageController {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'";

  private final PublicDocuments documents;

  public StatusPageController(PublicDocuments documents) {
    this.documents = documents;
  }

  @GetMapping({"/", "/index.html"})
  public ResponseEntity<byte[]> page() {
    PublicDocument html = rendered().html();
    return ResponseEntity.ok()
        .eTag(html.etag())
        .cacheControl(PublicApiController.CACHE)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .contentType(html.contentType())
        .body(html.body());
  }

  @GetMapping("/history.atom")
  public ResponseEntity<byte[]> history() {
    PublicDocument feed = rendered().historyFeed();
    return ResponseEntity.ok()
        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .eTag(feed.etag())
        .cacheControl(PublicApiController.CACHE)
        .contentType(feed.contentType())
        .body(feed.body());
  }

  private RenderedPage rendered() {
    return documents.current().orElseThrow(PageNotRestoredException::new);
  }
}
