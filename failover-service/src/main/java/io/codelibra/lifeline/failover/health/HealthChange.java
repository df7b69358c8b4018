package io.codelibra.lifeline.failover.health;

import io.codelibra.lifeline.events.RegionHealth;
import java.time.Instant;

/**
 * A change of a region's judged health, the content of a {@code RegionHealthChanged} event.
 *
 * @param previousHealth null for the first judgement after start
 * @param healthCheckId the check whose judgement decided the region's health
 * @param firstFailureAt start of the current failing streak; null when turning healthy
 * @param lastError last probe error; null when turning healthy
 */
public record HealthChange(
    String region,
    RegionHealth previousHealth,
    RegionHealth health,
    String reason,
    String healthCheckId,
    int healthyCheckers,
    int totalCheckers,
    int consecutiveFailures,
    Instant firstFailureAt,
    String lastError,
    Instant occurredAt) {
}
