package io.codelibra.lifeline.recovery.run;

import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as its events on {@code recovery.runs} tell it: how it started, every step that finished (in order), and how
 * it ended. This is the run's whole durable state: a resumed run continues at {@link #nextStep()}.
 */
public record RunRecord(RecoveryStarted started, List<RecoveryStepCompleted> steps, RecoveryCompleted completed) {

  public RunRecord {
    steps = List.copyOf(steps);
  }

  public static RunRecord of(RecoveryStarted started) {
    return new RunRecord(started, List.of(), null);
  }

  public String runId() {
    return started.getRunId().toString();
  }

  public boolean finished() {
    return completed != null;
  }

  /** The record with one more finished step; a step recorded twice (a redelivered event) counts once. */
  public RunRecord with(RecoveryStepCompleted step) {
    if (step(step.getStepName().toString()).isPresent()) {
      return this;
    }
    List<RecoveryStepCompleted> more = new ArrayList<>(steps);
    more.add(step);
    return new RunRecord(started, more, completed);
  }

  public RunRecord with(RecoveryCompleted end) {
    return new RunRecord(started, steps, end);
  }

  public Optional<RecoveryStepCompleted> step(String name) {
    return steps.stream().filter(step -> step.getStepName().toString().equals(name)).findFirst();
  }

  /** Index of the first planned step without a {@code RecoveryStepCompleted}; the step count when all are done. */
  public int nextStep() {
    List<String> planned = started.getPlannedSteps();
    for (int i = 0; i < planned.size(); i++) {
      if (step(planned.get(i)).isEmpty()) {
        return i;
      }
    }
    return planned.size();
  }

  /** Outputs of the finished steps, by step name. */
  public Map<String, Map<String, String>> outputs() {
    Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
    for (RecoveryStepCompleted step : steps) {
      Map<String, String> values = new LinkedHashMap<>();
      step.getOutputs().forEach((key, value) -> values.put(key.toString(), value.toString()));
      outputs.put(step.getStepName().toString(), values);
    }
    return outputs;
  }
}
