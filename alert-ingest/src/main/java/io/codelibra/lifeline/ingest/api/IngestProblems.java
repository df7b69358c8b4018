package io.codelibra.lifeline.ingest.api;

import io.codelibra.lifeline.ingest.generic.InvalidAlertException;
import io.codelibra.lifeline.ingest.publish.BrokerUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns intake failures into {@code application/problem+json} answers and counts them. */
@RestControllerAdvice
public class IngestProblems {

  private static final Logger log = LoggerFactory.getLogger(IngestProblems.class);
  static final String RETRY_AFTER_SECONDS = "5";

  private final MeterRegistry meters;

  public IngestProblems(MeterRegistry meters) {
    this.meters = meters;
  }

  @ExceptionHandler(InvalidAlertException.class)
  ProblemDetail invalid(InvalidAlertException e) {
    meters.counter("lifeline.ingest.rejected", "source", "generic", "reason", "invalid").increment();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid alert");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler(BrokerUnavailableException.class)
  ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException e) {
    meters.counter("lifeline.ingest.rejected", "source", "generic", "reason", "broker_unavailable").increment();
    log.warn("alert refused with 503: {}", e.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The event broker did not acknowledge the alert; it was not accepted. Retry after "
            + RETRY_AFTER_SECONDS + " s with the same dedupKey.");
    problem.setTitle("Broker unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }
}
