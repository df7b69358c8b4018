package io.codelibra.lifeline.statuspage.stream;

import io.codelibra.lifeline.statuspage.page.PageEntityType;
import io.codelibra.lifeline.statuspage.page.PageSettings;
import io.codelibra.lifeline.statuspage.page.StatusPage;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page's state store: one changelogged (compacted) entry per entity, key {@code <type>/<id>}, value the
 * entity as JSON. The page is read back whole on start and written entity by entity as it changes.
 */
public final class PageStore {

  public static final String NAME = "status-page";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KeyValueStore<String, byte[]> store;

  PageStore(KeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  public static StoreBuilder<KeyValueStore<String, byte[]>> builder() {
    return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NAME), Serdes.String(), Serdes.ByteArray());
  }

  StatusPage load(PageSettings settings) {
    StatusPage page = new StatusPage(settings);
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> entry = all.next();
        PageEntityType type = PageEntityType.ofKey(entry.key);
        if (type != null && entry.value != null) {
          page.restore(type, JSON.readValue(entry.value, type.valueType()));
        }
      }
    }
    return page;
  }

  void save(StatusPage page, Set<String> keys) {
    for (String key : keys) {
      Object entity = page.entity(key);
      if (entity == null) {
        store.delete(key);
      } else {
        store.put(key, JSON.writeValueAsBytes(entity));
      }
    }
  }
}
