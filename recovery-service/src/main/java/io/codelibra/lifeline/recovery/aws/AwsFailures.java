package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterResponse;

/**
 * Turns AWS SDK failures into {@link ActionFailedException}s: throttling, 5xx and transport errors are retryable;
 * validation, not found and access denied are not; a waiter that ran out of time is a (retryable) step timeout.
 */
final class AwsFailures {

  private AwsFailures() {
  }

  /** Runs one SDK call, {@code doing} naming it in the failure ("CreateDBSnapshot lifeline-x"). */
  static <T> T call(String doing, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw failed(doing, e);
    }
  }

  /** Runs an SDK waiter until {@code deadline}, returning the matching response. */
  static <T> T await(String waitingFor, StepDeadline deadline, Supplier<WaiterResponse<T>> waiter) {
    return awaitMatch(waitingFor, deadline, waiter).matched().response().orElseThrow(() -> new ActionFailedException(
        "waiting for " + waitingFor + " ended without a response", true));
  }

  /** Runs an SDK waiter until {@code deadline}; its match may be an error (e.g. not found for "deleted"). */
  static <T> WaiterResponse<T> awaitMatch(String waitingFor, StepDeadline deadline,
      Supplier<WaiterResponse<T>> waiter) {
    try {
      return waiter.get();
    } catch (SdkClientException e) {
      if (e.getCause() instanceof AwsServiceException service) {
        throw failed("waiting for " + waitingFor, service);
      }
      // The waiter gives up when its next poll would pass the wait timeout, so "exceeded" may come just before it.
      if (deadline.passed() || String.valueOf(e.getMessage()).contains("exceeded the max wait time")) {
        throw deadline.timedOut(waitingFor);
      }
      // A failure acceptor matched (e.g. the snapshot went "failed"): waiting longer will not help.
      throw new ActionFailedException("waiting for " + waitingFor + " failed: " + e.getMessage(), false, e);
    } catch (SdkException e) {
      throw failed("waiting for " + waitingFor, e);
    }
  }

  static ActionFailedException failed(String doing, SdkException e) {
    if (e instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      String message = service.awsErrorDetails() == null ? service.getMessage()
          : service.awsErrorDetails().errorMessage();
      boolean retryable = service.isThrottlingException() || service.statusCode() >= 500
          || service.isRetryableException();
      return new ActionFailedException(doing + " failed: " + (code == null ? "" : code + ": ") + message
          + " (HTTP " + service.statusCode() + ")", retryable, e);
    }
    // Client-side failures are mostly transport (connection refused, reset, timeout): worth another attempt.
    return new ActionFailedException(doing + " failed: " + e.getMessage(), true, e);
  }
}
