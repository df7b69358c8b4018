package io.codelibra.lifeline.failover.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.failover.health.CheckerView.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumJudgeTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static HealthCheckDefinition check(int checkers, double share, boolean inverted) {
    return HealthCheckDefinition.builder("api-primary", "us-east-1").fqdn("api.example.com")
        .resourcePath("/health").checkers(checkers).healthyShare(share).inverted(inverted).build();
  }

  private static CheckerView healthy() {
    return new CheckerView(Status.HEALTHY, 5, 0, null, null, null);
  }

  private static CheckerView unhealthy(Instant firstFailure, Instant lastFailure, String error) {
    return new CheckerView(Status.UNHEALTHY, 0, 3, firstFailure, lastFailure, error);
  }

  private static CheckerView unhealthy() {
    return unhealthy(T0, T0.plusSeconds(60), "HTTP 503");
  }

  private static List<CheckerView> views(int healthy, int unhealthy, int unknown) {
    var views = new ArrayList<CheckerView>();
    for (int i = 0; i < healthy; i++) {
      views.add(healthy());
    }
    for (int i = 0; i < unhealthy; i++) {
      views.add(unhealthy());
    }
    for (int i = 0; i < unknown; i++) {
      views.add(CheckerView.initial());
    }
    return views;
  }

  private static HealthJudgement judge(HealthCheckDefinition check, List<CheckerView> views) {
    return QuorumJudge.judge(check, views).orElseThrow();
  }

  @Test
  void route53ShareWithThreeCheckersNeedsOneHealthy() {
    HealthJudgement judgement = judge(check(3, 0.18, false), views(1, 2, 0));

    assertThat(judgement.quorumHealthy()).isTrue();
    assertThat(judgement.healthyCheckers()).isEqualTo(1);
    assertThat(judgement.totalCheckers()).isEqualTo(3);
  }

  @Test
  void noHealthyCheckerIsUnhealthy() {
    HealthJudgement judgement = judge(check(3, 0.18, false), views(0, 3, 0));

    assertThat(judgement.health()).isEqualTo(RegionHealth.unhealthy);
    assertThat(judgement.reason()).isEqualTo("3 of 3 checkers failed HTTPS /health 3 times");
  }

  @ParameterizedTest(name = "{0} of {1} healthy at share {2}: {3}")
  @CsvSource({
      "2, 4, 0.5, false",
      "3, 4, 0.5, true",
      "9, 50, 0.18, false",
      "10, 50, 0.18, true",
      "29, 100, 0.29, false",
      "30, 100, 0.29, true",
      "1, 1, 0.0, true",
      "0, 1, 0.0, false",
      "1, 1, 0.99, true"
  })
  void exactlyAtTheShareIsNotEnough(int healthy, int total, double share, boolean quorum) {
    assertThat(QuorumJudge.isQuorum(healthy, total, share)).isEqualTo(quorum);
  }

  @Test
  void allHealthyIsHealthyWithoutFailureDetails() {
    HealthJudgement judgement = judge(check(3, 0.18, false), views(3, 0, 0));

    assertThat(judgement.health()).isEqualTo(RegionHealth.healthy);
    assertThat(judgement.firstFailureAt()).isNull();
    assertThat(judgement.lastError()).isNull();
    assertThat(judgement.reason()).isEqualTo("3 of 3 checkers passed HTTPS /health");
  }

  @Test
  void aHealthyQuorumWithAFailingCheckerIsDegraded() {
    HealthJudgement judgement = judge(check(3, 0.18, false), views(2, 1, 0));

    assertThat(judgement.health()).isEqualTo(RegionHealth.degraded);
    assertThat(judgement.quorumHealthy()).isTrue();
    assertThat(judgement.lastError()).isEqualTo("HTTP 503");
    assertThat(judgement.reason()).isEqualTo("1 of 3 checkers failed HTTPS /health 3 times; quorum still healthy "
        + "with 2 passing");
  }

  @Test
  void aFailingProbeBelowTheThresholdIsNotDegraded() {
    CheckerView blip = new CheckerView(Status.HEALTHY, 0, 1, T0, T0, "HTTP 503");

    HealthJudgement judgement = judge(check(3, 0.18, false), List.of(healthy(), healthy(), blip));

    assertThat(judgement.health()).isEqualTo(RegionHealth.healthy);
    assertThat(judgement.consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void invertedFlipsTheVerdict() {
    HealthJudgement down = judge(check(3, 0.18, true), views(0, 3, 0));
    assertThat(down.health()).isEqualTo(RegionHealth.healthy);
    assertThat(down.quorumHealthy()).isTrue();
    assertThat(down.reason()).isEqualTo("inverted check: 3 of 3 checkers failed HTTPS /health");

    HealthJudgement up = judge(check(3, 0.18, true), views(3, 0, 0));
    assertThat(up.health()).isEqualTo(RegionHealth.unhealthy);
    assertThat(up.quorumHealthy()).isFalse();
    assertThat(up.reason()).isEqualTo("inverted check: 3 of 3 checkers passed HTTPS /health 3 times");
  }

  @Test
  void invertedIsDegradedWhenSomeCheckerSeesTheEndpointHealthy() {
    HealthCheckDefinition check = check(10, 0.18, true);

    HealthJudgement judgement = judge(check, views(1, 9, 0));

    assertThat(judgement.health()).isEqualTo(RegionHealth.degraded);
    assertThat(judge(check, views(2, 8, 0)).health()).isEqualTo(RegionHealth.unhealthy);
  }

  @Test
  void noJudgementWhileUndecidedCheckersCouldSwingTheQuorum() {
    assertThat(QuorumJudge.judge(check(3, 0.18, false), views(0, 2, 1))).isEmpty();
    assertThat(QuorumJudge.judge(check(3, 0.18, false), views(0, 0, 3))).isEmpty();
  }

  @Test
  void undecidedCheckersThatCannotSwingTheQuorumDoNotDelayIt() {
    assertThat(judge(check(3, 0.18, false), views(1, 0, 2)).quorumHealthy()).isTrue();
    assertThat(judge(check(4, 0.5, false), views(0, 3, 1)).health()).isEqualTo(RegionHealth.unhealthy);
  }

  @Test
  void reportsTheEarliestStreakStartAndTheMostRecentError() {
    List<CheckerView> views = List.of(
        unhealthy(T0.plusSeconds(10), T0.plusSeconds(40), "HTTP 503"),
        unhealthy(T0, T0.plusSeconds(50), "connect timed out after 4000 ms"),
        new CheckerView(Status.UNHEALTHY, 0, 5, T0.plusSeconds(5), T0.plusSeconds(45), "HTTP 500"));

    HealthJudgement judgement = judge(check(3, 0.18, false), views);

    assertThat(judgement.firstFailureAt()).isEqualTo(T0);
    assertThat(judgement.lastError()).isEqualTo("connect timed out after 4000 ms");
    assertThat(judgement.consecutiveFailures()).isEqualTo(5);
    assertThat(judgement.checkId()).isEqualTo("api-primary");
  }

  @Test
  void rejectsAViewCountThatDoesNotMatchTheCheckers() {
    assertThatIllegalArgumentException().isThrownBy(() -> QuorumJudge.judge(check(3, 0.18, false), views(2, 0, 0)))
        .withMessageContaining("3 checkers but 2 views");
  }
}
