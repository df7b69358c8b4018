package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.statuspage.component.ComponentGroupState;
import io.codelibra.lifeline.statuspage.component.ComponentHistory;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.subscriber.SubscriberState;

/** The kinds of entity the page is persisted as, one store entry each, keyed {@code <prefix>/<id>}. */
public enum PageEntityType {
  GROUP("group", ComponentGroupState.class),
  COMPONENT("component", ComponentState.class),
  HISTORY("history", ComponentHistory.class),
  INCIDENT("incident", StatusIncidentState.class),
  MAINTENANCE("maintenance", MaintenanceState.class),
  SUBSCRIBER("subscriber", SubscriberState.class),
  AUDIT("audit", AuditEntry.class);

  private final String prefix;
  private final Class<?> valueType;

  PageEntityType(String prefix, Class<?> valueType) {
    this.prefix = prefix;
    this.valueType = valueType;
  }

  public Class<?> valueType() {
    return valueType;
  }

  public String key(String id) {
    return prefix + "/" + id;
  }

  /** The type of a store key; null for a key of no known type. */
  public static PageEntityType ofKey(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String prefix = key.substring(0, slash);
    for (PageEntityType type : values()) {
      if (type.prefix.equals(prefix)) {
        return type;
      }
    }
    return null;
  }

  public static String idOf(String key) {
    return key.substring(key.indexOf('/') + 1);
  }
}
