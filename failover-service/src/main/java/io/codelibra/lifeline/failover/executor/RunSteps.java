package io.codelibra.lifeline.failover.executor;

import io.codelibra.lifeline.failover.routing.ExecutedStep;
import io.codelibra.lifeline.failover.routing.FailoverStepException;
import io.codelibra.lifeline.failover.routing.StepRecorder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The steps of one run in order: each top-level step (e.g. {@code flip-routing}) followed by the steps its adapter
 * reported ({@code flip-routing/route53-change}, ...), also when it failed.
 */
final class RunSteps {

  private final StepRecorder recorder;
  private final List<ExecutedStep> all = new ArrayList<>();

  RunSteps(Clock clock) {
    this.recorder = new StepRecorder(clock);
  }

  /** Runs a step; a failure ends the run with a {@link FailoverStepException}. */
  <T> T run(String name, Supplier<T> action, Function<? super T, String> detail, Function<? super T, List<ExecutedStep>> inner) {
    List<ExecutedStep> nested = new ArrayList<>();
    try {
      T result = recorder.run(name, () -> {
        try {
          return action.get();
        } catch (FailoverStepException e) {
          nested.addAll(e.steps());
          throw e;
        }
      }, detail);
      nested.addAll(inner.apply(result));
      return result;
    } finally {
      List<ExecutedStep> recorded = recorder.steps();
      all.add(recorded.getLast());
      nested.forEach(step -> all.add(new ExecutedStep(name + "/" + step.name(), step.startedAt(), step.endedAt(), step.outcome(),
          step.detail())));
    }
  }

  void skipped(String name, String detail) {
    recorder.skipped(name, detail);
    all.add(recorder.steps().getLast());
  }

  FailoverStepException fail(String message) {
    return new FailoverStepException(message, all(), null);
  }

  List<ExecutedStep> all() {
    return List.copyOf(all);
  }
}
