package io.codelibra.lifeline.failover.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Times the steps of one executor run and keeps them in order, including the step that failed. */
public final class StepRecorder {

  private final Clock clock;
  private final List<ExecutedStep> steps = new ArrayList<>();

  public StepRecorder(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs {@code action} as the step {@code name}. A thrown exception records the step as failed (timed out when the
   * SDK waiter gave up) and ends the run with a {@link FailoverStepException} carrying every step so far.
   */
  public <T> T run(String name, Supplier<T> action, Function<? super T, String> detail) {
    Instant started = clock.instant();
    T result;
    try {
      result = action.get();
    } catch (FailoverStepException e) {
      steps.add(new ExecutedStep(name, started, clock.instant(), ExecutedStep.Outcome.FAILED, e.getMessage()));
      throw new FailoverStepException(e.getMessage(), steps(), e.getCause());
    } catch (RuntimeException e) {
      ExecutedStep.Outcome outcome = isTimeout(e) ? ExecutedStep.Outcome.TIMED_OUT : ExecutedStep.Outcome.FAILED;
      String message = name + " failed: " + e.getMessage();
      steps.add(new ExecutedStep(name, started, clock.instant(), outcome, e.getMessage()));
      throw new FailoverStepException(message, steps(), e);
    }
    steps.add(new ExecutedStep(name, started, clock.instant(), ExecutedStep.Outcome.SUCCEEDED, detail.apply(result)));
    return result;
  }

  /** Records a step that was not needed, e.g. because the routing is already where it should be. */
  public void skipped(String name, String detail) {
    Instant now = clock.instant();
    steps.add(new ExecutedStep(name, now, now, ExecutedStep.Outcome.SKIPPED, detail));
  }

  /** Ends the run as failed without an exception from below, e.g. when a read-back does not match. */
  public FailoverStepException fail(String message) {
    return new FailoverStepException(message, steps(), null);
  }

  public List<ExecutedStep> steps() {
    return List.copyOf(steps);
  }

  private static boolean isTimeout(RuntimeException e) {
    if (e instanceof StepTimedOutException) {
      return true;
    }
    // The SDK waiters end with an SdkClientException whose message says they exceeded their wait time or attempts.
    return e instanceof SdkClientException && e.getMessage() != null
        && (e.getMessage().contains("exceeded") || e.getMessage().contains("timed out"));
  }
}
