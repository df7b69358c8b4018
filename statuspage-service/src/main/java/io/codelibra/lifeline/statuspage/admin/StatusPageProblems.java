package io.codelibra.lifeline.statuspage.admin;

import io.codelibra.lifeline.runtime.http.Problems;
import io.codelibra.lifeline.runtime.publish.PublishNotAcknowledgedException;
import io.codelibra.lifeline.statuspage.page.PageNotRestoredException;
import io.codelibra.lifeline.statuspage.template.TemplateException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The status page API's refusals as {@code application/problem+json}. */
@RestControllerAdvice
public class StatusPageProblems {

  private static final int RETRY_AFTER_SECONDS = 2;

  @ExceptionHandler(AdminRequestException.class)
  ProblemDetail refused(AdminRequestException e) {
    return Problems.of(e.status(), e.title(), e.getMessage());
  }

  @ExceptionHandler(TemplateException.class)
  ProblemDetail template(TemplateException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "Template cannot be rendered", e.getMessage());
  }

  @ExceptionHandler({PublishNotAcknowledgedException.class, PageNotRestoredException.class})
  ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
    return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, RETRY_AFTER_SECONDS, "Try again shortly", e.getMessage());
  }
}
