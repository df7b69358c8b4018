package io.codelibra.lifeline.failover.fault;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The AWS FIS experiment template that disrupts each region (region name to template id, e.g. {@code us-east-1 ->
 * EXT1a2b3c4d5e6f7}), the longest wait for an experiment to reach {@code running} or {@code stopped}, and how often to
 * poll meanwhile.
 */
public record FisFaultSettings(Map<String, String> experimentTemplateIdByRegion, Duration maxWait,
    Duration pollInterval) {

  public FisFaultSettings {
    Objects.requireNonNull(experimentTemplateIdByRegion, "experimentTemplateIdByRegion");
    experimentTemplateIdByRegion = Collections.unmodifiableMap(new LinkedHashMap<>(experimentTemplateIdByRegion));
    maxWait = maxWait == null ? Duration.ofMinutes(5) : maxWait;
    pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
  }

  String templateOf(String region) {
    String template = experimentTemplateIdByRegion.get(region);
    if (template == null) {
      throw new FaultInjectionException(region, "no FIS experiment template for region " + region + "; configured: "
          + experimentTemplateIdByRegion.keySet());
    }
    return template;
  }
}
