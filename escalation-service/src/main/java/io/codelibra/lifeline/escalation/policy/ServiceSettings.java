package io.codelibra.lifeline.escalation.policy;

import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How one service's alerts become incidents: its escalation policy, urgency per severity
 * (default SEV1/SEV2 high, SEV3/SEV4 low), whether a source's resolve resolves the incident,
 * and an optional grouping window (alerts of the service within it join one open incident).
 */
public record ServiceSettings(String service, String escalationPolicy, Map<Severity, Urgency> urgencies,
    boolean autoResolve, Optional<Duration> groupingWindow) {

  public static final Map<Severity, Urgency> DEFAULT_URGENCIES = Map.of(
      Severity.SEV1, Urgency.high, Severity.SEV2, Urgency.high, Severity.SEV3, Urgency.low, Severity.SEV4, Urgency.low);

  public ServiceSettings {
    urgencies = Map.copyOf(urgencies);
  }

  public Urgency urgencyOf(Severity severity) {
    return urgencies.getOrDefault(severity, DEFAULT_URGENCIES.get(severity));
  }
}
