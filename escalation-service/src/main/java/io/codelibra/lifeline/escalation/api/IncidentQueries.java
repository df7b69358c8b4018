package io.codelibra.lifeline.escalation.api;

import io.codelibra.lifeline.escalation.incident.IncidentState;
import io.codelibra.lifeline.escalation.stream.IncidentStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

/**
 * Reads incidents from this instance's state stores (interactive queries over every partition it
 * owns). With several instances each answers for its own partitions; see the module README.
 */
public class IncidentQueries {

  private static final Duration RETRY_FOR = Duration.ofSeconds(3);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

  private final InteractiveQueryService queries;

  public IncidentQueries(InteractiveQueryService queries) {
    this.queries = queries;
  }

  public Optional<IncidentState> incident(String incidentId) {
    return query(store -> Optional.ofNullable(store.get(incidentId)));
  }

  /** Newest first. */
  public List<IncidentState> list(Predicate<IncidentState> filter, int limit) {
    return query(store -> {
      List<IncidentState> matching = new ArrayList<>();
      try (KeyValueIterator<String, IncidentState> all = store.all()) {
        all.forEachRemaining(entry -> {
          if (filter.test(entry.value)) {
            matching.add(entry.value);
          }
        });
      }
      return matching.stream().sorted(Comparator.comparing(IncidentState::openedAt).reversed()).limit(limit).toList();
    });
  }

  /**
   * Runs a read, retrying briefly while a rebalance or restoration makes the store unavailable
   * (Kafka Streams refuses queries until the thread is RUNNING again); then the API answers 503.
   */
  private <T> T query(Function<ReadOnlyKeyValueStore<String, IncidentState>, T> read) {
    Instant deadline = Instant.now().plus(RETRY_FOR);
    while (true) {
      try {
        return read.apply(queries.getQueryableStore(IncidentStores.INCIDENTS, QueryableStoreTypes.keyValueStore()));
      } catch (InvalidStateStoreException | IllegalStateException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new IncidentStoreUnavailableException(e);
        }
        sleep();
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(RETRY_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IncidentStoreUnavailableException(e);
    }
  }
}
