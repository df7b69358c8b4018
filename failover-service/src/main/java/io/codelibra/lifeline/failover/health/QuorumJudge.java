package io.codelibra.lifeline.failover.health;

import io.codelibra.lifeline.events.RegionHealth;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a health check from all its checkers' views, like Route 53: the endpoint is healthy when strictly more than
 * {@code healthyShare} of the configured checkers see it healthy; an inverted check flips that verdict.
 *
 * <p>Route 53's verdict is binary. Lifeline keeps it binary for the quorum and adds {@code degraded} only as a
 * warning: the quorum is healthy, but at least one checker's view disagrees (for an inverted check: sees the endpoint
 * healthy). Checkers that have no verdict yet count as not healthy; while they could still swing the quorum either
 * way there is no judgement at all.
 */
public final class QuorumJudge {

  private QuorumJudge() {
  }

  /** The judgement, or empty while checkers without a verdict could still decide it either way. */
  public static Optional<HealthJudgement> judge(HealthCheckDefinition check, List<CheckerView> views) {
    Objects.requireNonNull(check, "check");
    if (views.size() != check.checkers()) {
      throw new IllegalArgumentException("health check '%s' has %d checkers but %d views were given"
          .formatted(check.id(), check.checkers(), views.size()));
    }
    int total = views.size();
    int healthy = (int) views.stream().filter(CheckerView::isHealthy).count();
    int unhealthy = (int) views.stream().filter(CheckerView::isUnhealthy).count();
    int unknown = total - healthy - unhealthy;
    boolean quorumNow = isQuorum(healthy, total, check.healthyShare());
    if (quorumNow != isQuorum(healthy + unknown, total, check.healthyShare())) {
      return Optional.empty();
    }
    boolean verdict = quorumNow != check.inverted();
    int dissenting = check.inverted() ? healthy : unhealthy;
    RegionHealth health = !verdict ? RegionHealth.unhealthy
        : dissenting > 0 ? RegionHealth.degraded : RegionHealth.healthy;

    int consecutiveFailures = views.stream().mapToInt(CheckerView::consecutiveFailures).max().orElse(0);
    Instant firstFailureAt = views.stream().map(CheckerView::firstFailureAt).filter(Objects::nonNull)
        .min(Comparator.naturalOrder()).orElse(null);
    String lastError = views.stream().filter(view -> view.lastFailureAt() != null)
        .max(Comparator.comparing(CheckerView::lastFailureAt)).map(CheckerView::lastError).orElse(null);
    if (health == RegionHealth.healthy) {
      // A healthy judgement reports no failing streak, as RegionHealthChanged expects.
      firstFailureAt = null;
      lastError = null;
    }
    return Optional.of(new HealthJudgement(check.id(), health, verdict, healthy, total, consecutiveFailures,
        firstFailureAt, lastError, reason(check, health, healthy, unhealthy, total)));
  }

  /** Route 53's rule: strictly more than the share; exactly at the share is not enough. */
  static boolean isQuorum(int healthyCheckers, int totalCheckers, double healthyShare) {
    // BigDecimal.valueOf keeps the configured decimal (0.29, not 0.28999…) so "exactly at the share" stays exact.
    BigDecimal needed = BigDecimal.valueOf(healthyShare).multiply(BigDecimal.valueOf(totalCheckers));
    return BigDecimal.valueOf(healthyCheckers).compareTo(needed) > 0;
  }

  private static String reason(HealthCheckDefinition check, RegionHealth health, int healthy, int unhealthy,
      int total) {
    String target = check.target();
    String times = check.failureThreshold() == 1 ? "once" : check.failureThreshold() + " times";
    String failed = "%d of %d checkers failed %s %s".formatted(unhealthy, total, target, times);
    String passed = "%d of %d checkers passed %s %s".formatted(healthy, total, target, times);
    if (!check.inverted()) {
      return switch (health) {
        case healthy -> "%d of %d checkers passed %s".formatted(healthy, total, target);
        case degraded -> failed + "; quorum still healthy with " + healthy + " passing";
        case unhealthy -> failed;
      };
    }
    return switch (health) {
      case healthy -> "inverted check: %d of %d checkers failed %s".formatted(unhealthy, total, target);
      case degraded -> "inverted check: " + passed + "; quorum still failing with " + unhealthy + " failed";
      case unhealthy -> "inverted check: " + passed;
    };
  }
}
