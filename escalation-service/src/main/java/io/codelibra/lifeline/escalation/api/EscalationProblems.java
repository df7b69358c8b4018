package io.codelibra.lifeline.escalation.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's refusals as {@code application/problem+json}. */
@RestControllerAdvice
public class EscalationProblems {

  private static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler({IncidentNotFoundException.class, ScheduleNotFoundException.class})
  ProblemDetail notFound(RuntimeException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(InvalidActionException.class)
  ProblemDetail invalid(InvalidActionException e) {
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  @ExceptionHandler(ActionConflictException.class)
  ProblemDetail conflict(ActionConflictException e) {
    return problem(HttpStatus.CONFLICT, "Not allowed in the incident's state", e.getMessage());
  }

  @ExceptionHandler({CommandNotAcceptedException.class, IncidentStoreUnavailableException.class})
  ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Try again shortly", e.getMessage()));
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
