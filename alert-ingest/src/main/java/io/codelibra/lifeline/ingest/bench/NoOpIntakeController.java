package io.codelibra.lifeline.ingest.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's baseline: an endpoint on the same server, behind the same filters (API key, body
 * buffering), that accepts a body and answers 202 without parsing or publishing it. Off unless
 * {@code lifeline.ingest.bench.noop-endpoint=true}.
 */
@RestController
@ConditionalOnProperty(name = "lifeline.ingest.bench.noop-endpoint", havingValue = "true")
public class NoOpIntakeController {

  /** The same answer PagerDuty gives, so both sides of the benchmark write the same bytes. */
  public record Processed(String status, String message, String dedup_key) {
  }

  private static final Processed PROCESSED = new Processed("success", "Event processed", "noop");

  @PostMapping(path = "/bench/noop", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  public Processed accept(@RequestBody byte[] body) {
    return PROCESSED;
  }
}
