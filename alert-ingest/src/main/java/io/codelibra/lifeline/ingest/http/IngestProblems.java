package io.codelibra.lifeline.ingest.http;

import io.codelibra.lifeline.ingest.integration.RateLimitedException;
import io.codelibra.lifeline.ingest.publish.BrokerUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the HTTP receivers as {@code application/problem+json}, counted by receiver and
 * reason; no stack trace or secret ever reaches the answer. (The PagerDuty receiver answers in
 * PagerDuty's own error shape through its own handlers.)
 */
@RestControllerAdvice
public class IngestProblems {

  private static final Logger log = LoggerFactory.getLogger(IngestProblems.class);
  public static final long BROKER_RETRY_AFTER_SECONDS = 5;

  private final IngestMetrics metrics;

  public IngestProblems(IngestMetrics metrics) {
    this.metrics = metrics;
  }

  @ExceptionHandler(IngestRejection.class)
  ProblemDetail rejected(IngestRejection e) {
    metrics.rejected(e.receiver(), e.reason());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(e.title());
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    metrics.rejected(BodySizeLimitFilter.receiverOf(request.getRequestURI()), "malformed");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON of the expected shape.");
    problem.setTitle("Malformed request");
    return problem;
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    metrics.rejected(BodySizeLimitFilter.receiverOf(request.getRequestURI()), "media_type");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Send the body as application/json.");
    problem.setTitle("Unsupported media type");
    return problem;
  }

  @ExceptionHandler(RateLimitedException.class)
  ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e, HttpServletRequest request) {
    metrics.rejected(BodySizeLimitFilter.receiverOf(request.getRequestURI()), "rate_limited");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    problem.setTitle("Rate limited");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(problem);
  }

  @ExceptionHandler(BrokerUnavailableException.class)
  ResponseEntity<ProblemDetail> brokerUnavailable(BrokerUnavailableException e, HttpServletRequest request) {
    metrics.rejected(BodySizeLimitFilter.receiverOf(request.getRequestURI()), "broker_unavailable");
    log.warn("alerts refused with 503: {}", e.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The event broker did not acknowledge the alert; it was not accepted. Retry after "
            + BROKER_RETRY_AFTER_SECONDS + " s with the same dedup key.");
    problem.setTitle("Broker unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(BROKER_RETRY_AFTER_SECONDS))
        .body(problem);
  }
}
