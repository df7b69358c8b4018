package io.codelibra.lifeline.escalation.api;

import io.codelibra.lifeline.runtime.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's refusals as {@code application/problem+json}. */
@RestControllerAdvice
public class EscalationProblems {

  private static final int RETRY_AFTER_SECONDS = 5;

  @ExceptionHandler({IncidentNotFoundException.class, ScheduleNotFoundException.class})
  ProblemDetail notFound(RuntimeException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(InvalidActionException.class)
  ProblemDetail invalid(InvalidActionException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  @ExceptionHandler(ActionConflictException.class)
  ProblemDetail conflict(ActionConflictException e) {
    return Problems.of(HttpStatus.CONFLICT, "Not allowed in the incident's state", e.getMessage());
  }

  @ExceptionHandler({CommandNotAcceptedException.class, IncidentStoreUnavailableException.class})
  ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
    return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, RETRY_AFTER_SECONDS, "Try again shortly", e.getMessage());
  }
}
