package io.codelibra.lifeline.recovery.api;

import io.codelibra.lifeline.runtime.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** recovery-service's refusals as {@code application/problem+json}. */
@RestControllerAdvice
public class RecoveryProblems {

  @ExceptionHandler(InvalidRunRequestException.class)
  ProblemDetail invalid(InvalidRunRequestException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
  }

  @ExceptionHandler(UnknownRunException.class)
  ProblemDetail unknown(UnknownRunException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "Not found", "no " + e.getMessage());
  }

  @ExceptionHandler(TargetBusyException.class)
  ProblemDetail busy(TargetBusyException e) {
    return Problems.of(HttpStatus.CONFLICT, "Target busy", "another run holds " + e.getMessage() + ": one run per target at a time");
  }

  @ExceptionHandler(NotWaitingException.class)
  ProblemDetail notWaiting(NotWaitingException e) {
    return Problems.of(HttpStatus.CONFLICT, "Not waiting for an approval", "run " + e.getMessage() + " is not waiting at a manual gate");
  }
}
