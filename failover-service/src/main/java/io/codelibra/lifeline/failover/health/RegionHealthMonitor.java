package io.codelibra.lifeline.failover.health;

import io.codelibra.lifeline.events.RegionHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a region's health checks on schedule and reports when the region's judged health changes; pure scheduling
 * logic, no threads: the caller calls {@link #tick} (often enough, e.g. every second) from one thread.
 *
 * <p>Each check has {@code checkers} independent checkers, staggered evenly across its {@code requestInterval} like
 * Route 53's distributed checkers: checker {@code i} of {@code n} first probes at {@code start + i * interval / n},
 * then every interval. A late tick runs a due checker once and skips the missed rounds, keeping its phase.
 *
 * <p>Health: each check is judged by {@link QuorumJudge}, which keeps Route 53's binary quorum verdict
 * ({@code healthy}/{@code unhealthy}) and reports {@code degraded} only when the quorum is still healthy but at least
 * one checker's view is failing. The region takes the worst judgement of its checks (unhealthy, then degraded, then
 * healthy; first configured check on ties). The first judgement after start is reported with a null previous
 * health, as soon as the checkers' first verdicts decide it.
 *
 * <p>Probes run synchronously inside {@code tick}; a probe blocks for at most its connect plus response timeouts.
 */
public final class RegionHealthMonitor {

  private final String region;
  private final Clock clock;
  private final List<CheckSchedule> schedules;
  private RegionHealth current;

  public RegionHealthMonitor(String region, List<HealthCheckDefinition> checks, Clock clock) {
    this.region = requireText(region);
    this.clock = Objects.requireNonNull(clock, "clock");
    if (checks == null || checks.isEmpty()) {
      throw new IllegalArgumentException("region '%s' needs at least one health check".formatted(region));
    }
    var ids = new HashSet<String>();
    Instant start = clock.instant();
    var built = new ArrayList<CheckSchedule>();
    for (HealthCheckDefinition check : checks) {
      if (!region.equals(check.region())) {
        throw new IllegalArgumentException("health check '%s' belongs to region '%s', not '%s'"
            .formatted(check.id(), check.region(), region));
      }
      if (!ids.add(check.id())) {
        throw new IllegalArgumentException("health check id '%s' is used twice in region '%s'"
            .formatted(check.id(), region));
      }
      built.add(new CheckSchedule(check, start));
    }
    this.schedules = List.copyOf(built);
  }

  /** Runs the checkers due at the clock's current instant. */
  public Optional<HealthChange> tick(HealthProbe probe) {
    return tick(clock.instant(), probe);
  }

  /** Runs every checker due at {@code now}; returns the region's health change, if the judgement changed. */
  public Optional<HealthChange> tick(Instant now, HealthProbe probe) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(probe, "probe");
    for (CheckSchedule schedule : schedules) {
      schedule.runDue(now, probe);
    }
    Optional<HealthJudgement> deciding = decidingJudgement();
    if (deciding.isEmpty() || deciding.get().health() == current) {
      return Optional.empty();
    }
    HealthJudgement judgement = deciding.get();
    RegionHealth previous = current;
    current = judgement.health();
    String reason = schedules.size() == 1 ? judgement.reason()
        : "check '%s': %s".formatted(judgement.checkId(), judgement.reason());
    return Optional.of(new HealthChange(region, previous, judgement.health(), reason, judgement.checkId(),
        judgement.healthyCheckers(), judgement.totalCheckers(), judgement.consecutiveFailures(),
        judgement.firstFailureAt(), judgement.lastError(), now));
  }

  /** The region's last reported health; empty until the first judgement. */
  public Optional<RegionHealth> currentHealth() {
    return Optional.ofNullable(current);
  }

  /** The current judgement of each check that has one, in configured order. */
  public List<HealthJudgement> judgements() {
    return schedules.stream().map(CheckSchedule::judge).flatMap(Optional::stream).toList();
  }

  /** Each check's checker views, in configured order, e.g. for an API or per-checker gauges. */
  public List<List<CheckerView>> checkerViews() {
    return schedules.stream().map(schedule -> List.of(schedule.views)).toList();
  }

  /** When the next checker is due, so a scheduler can sleep until then. */
  public Instant nextDueAt() {
    return schedules.stream().flatMap(schedule -> Arrays.stream(schedule.nextDue))
        .min(Comparator.naturalOrder()).orElseThrow();
  }

  public String region() {
    return region;
  }

  private Optional<HealthJudgement> decidingJudgement() {
    List<Optional<HealthJudgement>> all = schedules.stream().map(CheckSchedule::judge).toList();
    Optional<HealthJudgement> worst = all.stream().flatMap(Optional::stream)
        .reduce((a, b) -> severity(b.health()) > severity(a.health()) ? b : a);
    boolean allJudged = all.stream().allMatch(Optional::isPresent);
    // An undecided check could only make the region worse, so an unhealthy check decides on its own.
    if (allJudged || worst.map(j -> j.health() == RegionHealth.unhealthy).orElse(false)) {
      return worst;
    }
    return Optional.empty();
  }

  private static int severity(RegionHealth health) {
    return switch (health) {
      case healthy -> 0;
      case degraded -> 1;
      case unhealthy -> 2;
    };
  }

  private static String requireText(String region) {
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region must not be blank");
    }
    return region;
  }

  /** The checkers of one health check: their views and when each is next due. */
  private static final class CheckSchedule {
    private final HealthCheckDefinition check;
    private final CheckerView[] views;
    private final Instant[] nextDue;

    CheckSchedule(HealthCheckDefinition check, Instant start) {
      this.check = check;
      int n = check.checkers();
      this.views = new CheckerView[n];
      this.nextDue = new Instant[n];
      Duration interval = check.requestInterval();
      for (int i = 0; i < n; i++) {
        views[i] = CheckerView.initial();
        nextDue[i] = start.plus(interval.multipliedBy(i).dividedBy(n));
      }
    }

    void runDue(Instant now, HealthProbe probe) {
      Duration interval = check.requestInterval();
      for (int i = 0; i < views.length; i++) {
        if (nextDue[i].isAfter(now)) {
          continue;
        }
        ProbeResult result = Objects.requireNonNull(probe.probe(check), "probe returned no result");
        views[i] = views[i].after(result, now, check.failureThreshold());
        long missed = Duration.between(nextDue[i], now).dividedBy(interval);
        nextDue[i] = nextDue[i].plus(interval.multipliedBy(missed + 1));
      }
    }

    Optional<HealthJudgement> judge() {
      return QuorumJudge.judge(check, List.of(views));
    }
  }
}
