package io.codelibra.lifeline.runtime.http;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details as every Lifeline API answers them: a status, a short title and the detail. */
public final class Problems {

  private Problems() {
  }

  public static ProblemDetail of(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /** A refusal the caller should retry: {@code Retry-After} in seconds, e.g. 503 while a dependency is unavailable. */
  public static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, int retryAfterSeconds, String title, String detail) {
    return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
        .body(of(status, title, detail));
  }
}
