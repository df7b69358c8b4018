package io.codelibra.lifeline.failover.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * Waits for the events a drill expects, keeping every event seen: an event that arrived while the drill waited for
 * another one is still found when the drill asks for it next.
 */
final class DrillObserver {

  private static final Duration POLL = Duration.ofMillis(100);

  private final FailoverEventFeed feed;
  private final List<SpecificRecord> seen = new ArrayList<>();

  DrillObserver(FailoverEventFeed feed) {
    this.feed = feed;
  }

  /** The first event of {@code type} matching {@code wanted}, seen so far or arriving within {@code timeout}. */
  <T extends SpecificRecord> Optional<T> await(Class<T> type, Predicate<T> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < seen.size(); checked++) {
        SpecificRecord event = seen.get(checked);
        if (type.isInstance(event) && wanted.test(type.cast(event))) {
          return Optional.of(type.cast(event));
        }
      }
      if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
        return Optional.empty();
      }
      seen.addAll(feed.poll(POLL));
    }
  }
}
