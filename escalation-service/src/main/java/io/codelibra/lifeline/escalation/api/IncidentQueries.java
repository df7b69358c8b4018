package io.codelibra.lifeline.escalation.api;

import io.codelibra.lifeline.escalation.incident.IncidentState;
import io.codelibra.lifeline.escalation.stream.IncidentStores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

/**
 * Reads incidents from this instance's state stores (interactive queries over every partition it
 * owns). With several instances each answers for its own partitions; see the module README.
 */
public class IncidentQueries {

  private final InteractiveQueryService queries;

  public IncidentQueries(InteractiveQueryService queries) {
    this.queries = queries;
  }

  public Optional<IncidentState> incident(String incidentId) {
    return Optional.ofNullable(store().get(incidentId));
  }

  /** Newest first. */
  public List<IncidentState> list(Predicate<IncidentState> filter, int limit) {
    List<IncidentState> matching = new ArrayList<>();
    try (KeyValueIterator<String, IncidentState> all = store().all()) {
      all.forEachRemaining(entry -> {
        if (filter.test(entry.value)) {
          matching.add(entry.value);
        }
      });
    }
    return matching.stream().sorted(Comparator.comparing(IncidentState::openedAt).reversed()).limit(limit).toList();
  }

  private ReadOnlyKeyValueStore<String, IncidentState> store() {
    try {
      return queries.getQueryableStore(IncidentStores.INCIDENTS, QueryableStoreTypes.keyValueStore());
    } catch (RuntimeException e) {
      throw new IncidentStoreUnavailableException(e);
    }
  }
}
