package io.codelibra.lifeline.recovery.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The manual gates runs are waiting at, answered through the API. Only the wait is in memory: a decision becomes
 * durable as the gate's {@code RecoveryStepCompleted} (with {@code approvedBy}); a run resumed after a crash waits again.
 */
public final class PendingApprovals implements Approvals {

  private final Map<String, Gate> gates = new ConcurrentHashMap<>();

  /** A gate waiting for a decision. */
  public record Gate(String runId, String stepName, String prompt, CompletableFuture<Decision> decision) {
  }

  @Override
  public Optional<Decision> await(String runId, String stepName, String prompt, Duration timeout) throws InterruptedException {
    Gate gate = new Gate(runId, stepName, prompt, new CompletableFuture<>());
    gates.put(key(runId, stepName), gate);
    try {
      return Optional.of(gate.decision().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      gates.remove(key(runId, stepName));
    }
  }

  /** Answers a waiting gate; false when the run is not waiting there. */
  public boolean decide(String runId, String stepName, Decision decision) {
    Gate gate = gates.get(key(runId, stepName));
    return gate != null && gate.decision().complete(decision);
  }

  public List<Gate> waiting() {
    return List.copyOf(gates.values());
  }

  public Optional<Gate> waiting(String runId) {
    return gates.values().stream().filter(gate -> gate.runId().equals(runId)).findFirst();
  }

  private static String key(String runId, String stepName) {
    return runId + "/" + stepName;
  }
}
