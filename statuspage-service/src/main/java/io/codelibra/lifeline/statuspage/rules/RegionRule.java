package io.codelibra.lifeline.statuspage.rules;

import java.util.List;

/**
 * Maps a region's health onto the page: when {@code region} turns unhealthy its {@code components} go
 * {@code major_outage} and a status incident is posted from {@code templateId}; after a failover they show
 * {@code degraded_performance} (monitoring); when the region is restored, {@code operational} (resolved).
 */
public record RegionRule(String region, List<String> components, String templateId) {

  public RegionRule {
    components = List.copyOf(components);
  }
}
