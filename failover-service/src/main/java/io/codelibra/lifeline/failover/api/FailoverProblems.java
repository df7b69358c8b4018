package io.codelibra.lifeline.failover.api;

import io.codelibra.lifeline.failover.drill.DrillNotFoundException;
import io.codelibra.lifeline.failover.drill.DrillRefusedException;
import io.codelibra.lifeline.failover.pair.PairNotHereException;
import io.codelibra.lifeline.runtime.http.Problems;
import io.codelibra.lifeline.runtime.publish.PublishNotAcknowledgedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The failover API's refusals as {@code application/problem+json}. */
@RestControllerAdvice
public class FailoverProblems {

  private static final int RETRY_AFTER_SECONDS = 5;

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  @ExceptionHandler(RequestRefusedException.class)
  ProblemDetail refused(RequestRefusedException e) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Refused by the region pair's safety rules", e.getMessage());
    problem.setProperty("request_id", e.requestId());
    return problem;
  }

  @ExceptionHandler(DrillRefusedException.class)
  ProblemDetail drillRefused(DrillRefusedException e) {
    return Problems.of(HttpStatus.CONFLICT, "Drill refused", e.getMessage());
  }

  @ExceptionHandler(DrillNotFoundException.class)
  ProblemDetail drillNotFound(DrillNotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "No such drill", e.getMessage());
  }

  @ExceptionHandler({PairNotHereException.class, PublishNotAcknowledgedException.class})
  ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
    return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, RETRY_AFTER_SECONDS, "Try again shortly", e.getMessage());
  }
}
