package io.codelibra.lifeline.escalation.stream;

import io.codelibra.lifeline.escalation.incident.IncidentState;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.springframework.kafka.support.serializer.JacksonJsonSerde;

/**
 * The escalation state stores, persistent (RocksDB) and changelogged, all partitioned by routing key:
 * incidents by id, the open incident of each routing key, and the timer index (due time, incident id),
 * whose keys sort by due time so a punctuation finds every due timer with one range scan.
 */
public final class IncidentStores {

  public static final String INCIDENTS = "incidents-by-id";
  public static final String OPEN_BY_ROUTING_KEY = "open-incident-by-routing-key";
  public static final String TIMERS = "incident-timers";
  public static final String MAINTENANCE = "maintenance-windows";

  private IncidentStores() {
  }

  public static Serde<IncidentState> incidentSerde() {
    JacksonJsonSerde<IncidentState> serde = new JacksonJsonSerde<>(IncidentState.class).noTypeInfo().ignoreTypeHeaders();
    return serde;
  }

  public static StoreBuilder<KeyValueStore<String, IncidentState>> incidents() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENTS), Serdes.String(), incidentSerde());
  }

  public static StoreBuilder<KeyValueStore<String, String>> openByRoutingKey() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OPEN_BY_ROUTING_KEY), Serdes.String(), Serdes.String());
  }

  public static StoreBuilder<KeyValueStore<String, String>> timers() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TIMERS), Serdes.String(), Serdes.String());
  }

  /** Timer index key: zero-padded epoch millis, so lexicographic order is time order. */
  static String timerKey(Instant due, String incidentId) {
    return String.format("%013d|%s", due.toEpochMilli(), incidentId);
  }

  /** Upper bound of a range scan over every timer due at or before {@code now}. */
  static String timerUpperBound(Instant now) {
    return String.format("%013d|\uffff", now.toEpochMilli());
  }

  static final String TIMER_LOWER_BOUND = "0000000000000|";
}
