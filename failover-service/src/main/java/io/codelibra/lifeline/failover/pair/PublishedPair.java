package io.codelibra.lifeline.failover.pair;

import io.codelibra.lifeline.failover.region.PairState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pair as its writer last left it, and its latest decisions on requests, for the API of the instance that runs
 * the writer. Empty while no instance of this process owns the pair's partition (the API then says so).
 */
public final class PublishedPair {

  private static final int KEPT_DECISIONS = 1000;

  private volatile PairState current;
  private final Map<String, PairDecision> decisions = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PairDecision> eldest) {
      return size() > KEPT_DECISIONS;
    }
  };

  public Optional<PairState> current() {
    return Optional.ofNullable(current);
  }

  void publish(PairState state) {
    current = state;
  }

  void clear() {
    current = null;
  }

  synchronized void decided(PairDecision decision) {
    decisions.put(decision.requestId(), decision);
    notifyAll();
  }

  /** The decision on request {@code requestId}, waiting up to {@code timeout} for it. */
  public synchronized Optional<PairDecision> awaitDecision(String requestId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!decisions.containsKey(requestId)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return Optional.of(decisions.get(requestId));
  }
}
