package io.codelibra.lifeline.failover.health;

import io.codelibra.lifeline.events.RegionHealth;
import java.time.Instant;

/**
 * The judged health of one health check from all its checkers' views.
 *
 * @param health {@code healthy} or {@code unhealthy} by the quorum (after inversion); {@code degraded} when the
 *     quorum is healthy but at least one checker's view disagrees (see {@link QuorumJudge})
 * @param quorumHealthy the binary Route 53 verdict, inversion applied
 * @param healthyCheckers checkers whose view of the endpoint is healthy (before inversion)
 * @param totalCheckers checkers configured for the check
 * @param consecutiveFailures longest current streak of failed probes among the checkers
 * @param firstFailureAt earliest start of a current failing streak among the checkers; null when none is failing
 * @param lastError the most recent error among failing checkers; null when none is failing
 * @param reason human-readable reason, e.g. {@code 3 of 3 checkers failed HTTPS /health 3 times}
 */
public record HealthJudgement(
    String checkId,
    RegionHealth health,
    boolean quorumHealthy,
    int healthyCheckers,
    int totalCheckers,
    int consecutiveFailures,
    Instant firstFailureAt,
    String lastError,
    String reason) {
}
