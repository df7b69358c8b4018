package io.codelibra.lifeline.escalation.stream;

import io.codelibra.lifeline.events.MaintenanceScheduled;
import io.codelibra.lifeline.events.MaintenanceStarted;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Active maintenance windows, read from the global table of {@code status.maintenance} (latest event per
 * maintenance id). A window covers an alert when it suppresses alerts, is running at the alert's time,
 * and lists the alert's service (or its {@code component} label) among its components.
 */
final class MaintenanceWindows {

  private final ReadOnlyKeyValueStore<String, Object> store;

  MaintenanceWindows(ReadOnlyKeyValueStore<String, Object> store) {
    this.store = store;
  }

  Optional<String> covering(String service, String component, Instant now) {
    // Opening a RocksDB iterator per alert costs more than the lookup itself; most of the time there is no window.
    if (store.approximateNumEntries() == 0) {
      return Optional.empty();
    }
    try (KeyValueIterator<String, Object> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, Object> entry = all.next();
        Object value = entry.value instanceof ValueAndTimestamp<?> stamped ? stamped.value() : entry.value;
        if (covers(value, service, component, now)) {
          return Optional.of(entry.key);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean covers(Object event, String service, String component, Instant now) {
    if (event instanceof MaintenanceStarted started) {
      return started.getSuppressAlerts() && now.isBefore(started.getScheduledUntil())
          && lists(started.getComponentIds(), service, component);
    }
    if (event instanceof MaintenanceScheduled scheduled) {
      // Covers its planned span even if the status page's start event is a moment late.
      return scheduled.getSuppressAlerts() && scheduled.getAutoStart() && !now.isBefore(scheduled.getScheduledFor())
          && now.isBefore(scheduled.getScheduledUntil()) && lists(scheduled.getComponentIds(), service, component);
    }
    return false;
  }

  private static boolean lists(List<String> components, String service, String component) {
    return components.contains(service) || (component != null && components.contains(component));
  }
}
