package io.codelibra.lifeline.failover.pair;

import io.codelibra.lifeline.failover.region.PairState;
import io.codelibra.lifeline.failover.region.RegionPair;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The pairs' state store: one changelogged (compacted) entry per pair, key the pair id, value its state as JSON. */
public final class PairStore {

  public static final String NAME = "region-pairs";

  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final KeyValueStore<String, byte[]> store;

  PairStore(KeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  public static StoreBuilder<KeyValueStore<String, byte[]>> builder() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NAME), Serdes.String(), Serdes.ByteArray());
  }

  PairState load(RegionPair pair) {
    byte[] json = store.get(pair.id());
    return json == null ? PairState.initial(pair) : JSON.readValue(json, PairState.class);
  }

  boolean exists(RegionPair pair) {
    return store.get(pair.id()) != null;
  }

  void save(PairState state) {
    store.put(state.pair().id(), JSON.writeValueAsBytes(state));
  }
}
