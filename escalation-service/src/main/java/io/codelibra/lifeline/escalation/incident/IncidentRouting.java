package io.codelibra.lifeline.escalation.incident;

import io.codelibra.lifeline.escalation.policy.ServiceSettings;

/**
 * The key that decides which incident an alert belongs to: its dedup key (the alert fingerprint),
 * or, for a service that groups alerts, one key per service. Incidents, their timers and the
 * operators' commands are partitioned by it, so one stream task owns each incident.
 */
public final class IncidentRouting {

  static final String GROUP_PREFIX = "group:";

  private IncidentRouting() {
  }

  public static String routingKey(String fingerprint, String service, ServiceSettings settings) {
    return settings.groupingWindow().isPresent() ? GROUP_PREFIX + service : fingerprint;
  }
}
