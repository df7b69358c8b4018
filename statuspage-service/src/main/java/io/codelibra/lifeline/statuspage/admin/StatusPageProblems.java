package io.codelibra.lifeline.statuspage.admin;

import io.codelibra.lifeline.runtime.publish.PublishNotAcknowledgedException;
import io.codelibra.lifeline.statuspage.template.TemplateException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The status page API's refusals as {@code application/problem+json}. */
@RestControllerAdvice
public class StatusPageProblems {

  private static final String RETRY_AFTER_SECONDS = "2";

  @ExceptionHandler(AdminRequestException.class)
  ProblemDetail refused(AdminRequestException e) {
    return problem(e.status(), e.title(), e.getMessage());
  }

  @ExceptionHandler(TemplateException.class)
  ProblemDetail template(TemplateException e) {
    return problem(HttpStatus.BAD_REQUEST, "Template cannot be rendered", e.getMessage());
  }

  @ExceptionHandler({PublishNotAcknowledgedException.class, PageNotReadyException.class})
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
