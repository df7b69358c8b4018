package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.page.PageNotRestoredException;
import io.codelibra.lifeline.runtime.http.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The public read side's refusal while the page is not restored: 503 {@code application/problem+json}, Retry-After 1 s. */
@RestControllerAdvice(assignableTypes = {PublicApiController.class, StatusPageController.class, BenchmarkStaticSummaryController.class})
public class PublicPageProblems {

  static final String RETRY_AFTER_SECONDS = "1";

  @ExceptionHandler(PageNotRestoredException.class)
  ResponseEntity<ProblemDetail> notRestored(PageNotRestoredException e) {
    ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Status page not ready", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
