package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.page.PageNotRestoredException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline, only with {@code lifeline.statuspage.benchmark-static=true}: a copy of summary.json taken
 * on the first request and from then on served as a fixed byte array, with no per-request work, by the same server.
 */
@RestController
@ConditionalOnProperty(name = "lifeline.statuspage.benchmark-static", havingValue = "true")
public class BenchmarkStaticSummaryController {

  public static final String PATH = "/bench/static-summary.json";

  private final PublicDocuments documents;
  private volatile byte[] copy;

  public BenchmarkStaticSummaryController(PublicDocuments documents) {
    this.documents = documents;
  }

  @GetMapping(PATH)
  public ResponseEntity<byte[]> staticSummary() {
    byte[] body = copy;
    if (body == null) {
      body = documents.current().orElseThrow(PageNotRestoredException::new).summary().body().clone();
      copy = body;
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
