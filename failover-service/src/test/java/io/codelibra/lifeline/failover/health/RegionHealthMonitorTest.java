package io.codelibra.lifeline.failover.health;

import io.codelibra.lifeline.testing.time.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.codelibra.lifeline.events.RegionHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionHealthMonitorTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final MovableClock clock = new MovableClock(T0);
  private boolean endpointUp = true;
  private final List<Instant> probedAt = new ArrayList<>();
  private final HealthProbe endpoint = check -> {
    probedAt.add(clock.instant());
    return endpointUp ? ScriptedProbe.pass() : ScriptedProbe.fail("HTTP 503");
  };

  private static HealthCheckDefinition api() {
    return HealthCheckDefinition.builder("api-primary", "us-east-1").fqdn("api.us-east-1.example.com")
        .resourcePath("/health").requestInterval(Duration.ofSeconds(30)).failureThreshold(3).checkers(3).build();
  }

  private RegionHealthMonitor monitor(HealthCheckDefinition... checks) {
    return new RegionHealthMonitor("us-east-1", List.of(checks), clock);
  }

  /** Ticks once a second until {@code until}, returning the changes reported on the way. */
  private List<HealthChange> runUntil(RegionHealthMonitor monitor, Duration until, HealthProbe probe) {
    var changes = new ArrayList<HealthChange>();
    while (clock.instant().isBefore(T0.plus(until))) {
      clock.advance(Duration.ofSeconds(1));
      monitor.tick(probe).ifPresent(changes::add);
    }
    return changes;
  }

  @Test
  void staggersTheCheckersEvenlyAcrossTheInterval() {
    RegionHealthMonitor monitor = monitor(api());

    monitor.tick(endpoint);
    runUntil(monitor, Duration.ofSeconds(65), endpoint);

    assertThat(probedAt).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30),
        T0.plusSeconds(40), T0.plusSeconds(50), T0.plusSeconds(60));
  }

  @Test
  void reportsTheFirstJudgementWithoutAPreviousHealth() {
    RegionHealthMonitor monitor = monitor(api());
    assertThat(monitor.tick(endpoint)).isEmpty();
    assertThat(monitor.currentHealth()).isEmpty();

    List<HealthChange> changes = runUntil(monitor, Duration.ofSeconds(100), endpoint);

    // Checker 0 has its third success at 60 s: one healthy checker of three is already a quorum.
    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.previousHealth()).isNull();
      assertThat(change.health()).isEqualTo(RegionHealth.healthy);
      assertThat(change.occurredAt()).isEqualTo(T0.plusSeconds(60));
      assertThat(change.region()).isEqualTo("us-east-1");
      assertThat(change.healthCheckId()).isEqualTo("api-primary");
      assertThat(change.healthyCheckers()).isEqualTo(1);
      assertThat(change.totalCheckers()).isEqualTo(3);
    });
    assertThat(monitor.currentHealth()).contains(RegionHealth.healthy);
  }

  @Test
  void degradesThenFailsAsEachCheckerReachesTheFailureThreshold() {
    RegionHealthMonitor monitor = monitor(api());
    monitor.tick(endpoint);
    runUntil(monitor, Duration.ofSeconds(85), endpoint);

    endpointUp = false;
    List<HealthChange> changes = runUntil(monitor, Duration.ofSeconds(175), endpoint);

    assertThat(changes).hasSize(2);
    HealthChange degraded = changes.get(0);
    assertThat(degraded.occurredAt()).isEqualTo(T0.plusSeconds(150));
    assertThat(degraded.previousHealth()).isEqualTo(RegionHealth.healthy);
    assertThat(degraded.health()).isEqualTo(RegionHealth.degraded);
    assertThat(degraded.healthyCheckers()).isEqualTo(2);

    HealthChange unhealthy = changes.get(1);
    assertThat(unhealthy.occurredAt()).isEqualTo(T0.plusSeconds(170));
    assertThat(unhealthy.previousHealth()).isEqualTo(RegionHealth.degraded);
    assertThat(unhealthy.health()).isEqualTo(RegionHealth.unhealthy);
    assertThat(unhealthy.reason()).isEqualTo("3 of 3 checkers failed HTTPS /health 3 times");
    assertThat(unhealthy.healthyCheckers()).isZero();
    assertThat(unhealthy.totalCheckers()).isEqualTo(3);
    assertThat(unhealthy.consecutiveFailures()).isEqualTo(3);
    assertThat(unhealthy.firstFailureAt()).isEqualTo(T0.plusSeconds(90));
    assertThat(unhealthy.lastError()).isEqualTo("HTTP 503");
  }

  @Test
  void recoversAfterThresholdSuccessesAndClearsTheFailureDetails() {
    RegionHealthMonitor monitor = monitor(api());
    monitor.tick(endpoint);
    runUntil(monitor, Duration.ofSeconds(85), endpoint);
    endpointUp = false;
    runUntil(monitor, Duration.ofSeconds(175), endpoint);

    endpointUp = true;
    List<HealthChange> changes = runUntil(monitor, Duration.ofSeconds(300), endpoint);

    assertThat(changes).extracting(HealthChange::health)
        .containsExactly(RegionHealth.degraded, RegionHealth.healthy);
    assertThat(changes.get(0).occurredAt()).isEqualTo(T0.plusSeconds(240));
    HealthChange healthy = changes.get(1);
    assertThat(healthy.occurredAt()).isEqualTo(T0.plusSeconds(260));
    assertThat(healthy.firstFailureAt()).isNull();
    assertThat(healthy.lastError()).isNull();
    assertThat(healthy.reason()).isEqualTo("3 of 3 checkers passed HTTPS /health");
  }

  @Test
  void flappingBelowTheThresholdNeverChangesTheHealth() {
    RegionHealthMonitor monitor = monitor(api());
    monitor.tick(endpoint);
    runUntil(monitor, Duration.ofSeconds(89), endpoint);
    assertThat(monitor.currentHealth()).contains(RegionHealth.healthy);

    // Each checker probes once per 30 s window; failing two windows of every three never makes 3 in a row.
    HealthProbe flapping = check -> {
      long window = Duration.between(T0, clock.instant()).toSeconds() / 30;
      return window % 3 == 2 ? ScriptedProbe.pass() : ScriptedProbe.fail("HTTP 503");
    };
    List<HealthChange> changes = runUntil(monitor, Duration.ofMinutes(30), flapping);

    assertThat(changes).isEmpty();
    assertThat(monitor.currentHealth()).contains(RegionHealth.healthy);
  }

  @Test
  void aLateTickRunsEachDueCheckerOnceAndKeepsItsPhase() {
    RegionHealthMonitor monitor = monitor(api());
    ScriptedProbe probe = new ScriptedProbe();
    monitor.tick(T0, probe);

    monitor.tick(T0.plusSeconds(95), probe);

    assertThat(probe.calls()).isEqualTo(4);
    assertThat(monitor.nextDueAt()).isEqualTo(T0.plusSeconds(100));
  }

  @Test
  void theWorstCheckDecidesTheRegion() {
    HealthCheckDefinition api = HealthCheckDefinition.builder("api", "us-east-1").fqdn("api.example.com")
        .requestInterval(Duration.ofSeconds(10)).failureThreshold(1).checkers(1).build();
    HealthCheckDefinition db = HealthCheckDefinition.builder("db", "us-east-1").fqdn("db.example.com")
        .type(HealthCheckType.TCP).port(5432).requestInterval(Duration.ofSeconds(10)).failureThreshold(1)
        .checkers(1).build();
    HealthProbe probe = check -> check.type() == HealthCheckType.TCP
        ? ScriptedProbe.fail("connection refused") : ScriptedProbe.pass();

    Optional<HealthChange> change = monitor(api, db).tick(T0, probe);

    assertThat(change).hasValueSatisfying(c -> {
      assertThat(c.health()).isEqualTo(RegionHealth.unhealthy);
      assertThat(c.healthCheckId()).isEqualTo("db");
      assertThat(c.reason()).isEqualTo("check 'db': 1 of 1 checkers failed TCP port 5432 once");
      assertThat(c.lastError()).isEqualTo("connection refused");
    });
  }

  @Test
  void anUnhealthyCheckDecidesEvenWhileAnotherHasNoVerdictYet() {
    HealthCheckDefinition slowToDecide = api();
    HealthCheckDefinition db = HealthCheckDefinition.builder("db", "us-east-1").fqdn("db.example.com")
        .type(HealthCheckType.TCP).port(5432).failureThreshold(1).checkers(1).build();
    HealthProbe probe = check -> check.type() == HealthCheckType.TCP
        ? ScriptedProbe.fail("connection refused") : ScriptedProbe.pass();
    RegionHealthMonitor monitor = monitor(slowToDecide, db);

    assertThat(monitor.tick(T0, probe)).map(HealthChange::health).contains(RegionHealth.unhealthy);
    assertThat(monitor.judgements()).extracting(HealthJudgement::checkId).containsExactly("db");
  }

  @Test
  void reportsNothingWhileNoCheckerIsDue() {
    RegionHealthMonitor monitor = monitor(api());
    ScriptedProbe probe = new ScriptedProbe();
    monitor.tick(T0, probe);

    assertThat(monitor.tick(T0.plusSeconds(9), probe)).isEmpty();
    assertThat(probe.calls()).isEqualTo(1);
  }

  @Test
  void rejectsChecksOfAnotherRegionAndDuplicateIds() {
    HealthCheckDefinition west = HealthCheckDefinition.builder("api", "us-west-2").fqdn("x").build();

    assertThatIllegalArgumentException().isThrownBy(() -> monitor(west)).withMessageContaining("us-west-2");
    assertThatIllegalArgumentException().isThrownBy(() -> monitor(api(), api()))
        .withMessageContaining("used twice");
    assertThatIllegalArgumentException().isThrownBy(() -> monitor()).withMessageContaining("at least one");
  }
}
