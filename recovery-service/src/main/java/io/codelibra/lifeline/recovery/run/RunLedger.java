package io.codelibra.lifeline.recovery.run;

import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** Every run rebuilt from {@code recovery.runs}, in the order the events come; other events are ignored. */
public final class RunLedger {

  private final Map<String, RunRecord> runs = new LinkedHashMap<>();

  public synchronized void apply(SpecificRecord event) {
    switch (event) {
      case RecoveryStarted started -> runs.putIfAbsent(started.getRunId().toString(), RunRecord.of(started));
      case RecoveryStepCompleted step -> runs.computeIfPresent(step.getRunId().toString(), (id, run) -> run.with(step));
      case RecoveryCompleted completed -> runs.computeIfPresent(completed.getRunId().toString(), (id, run) -> run.with(completed));
      default -> {
      }
    }
  }

  public synchronized Optional<RunRecord> find(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  /** Runs started and not completed, oldest first: those to resume. */
  public synchronized List<RunRecord> unfinished() {
    return runs.values().stream().filter(run -> !run.finished()).toList();
  }

  /** Newest first. */
  public synchronized List<RunRecord> all() {
    return runs.values().stream().toList().reversed();
  }
}
