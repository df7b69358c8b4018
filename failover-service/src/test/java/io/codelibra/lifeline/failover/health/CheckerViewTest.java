package io.codelibra.lifeline.failover.health;

import static io.codelibra.lifeline.failover.health.ScriptedProbe.fail;
import static io.codelibra.lifeline.failover.health.ScriptedProbe.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.codelibra.lifeline.failover.health.CheckerView.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckerViewTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static CheckerView apply(CheckerView view, int threshold, ProbeResult... results) {
    CheckerView current = view;
    for (int i = 0; i < results.length; i++) {
      current = current.after(results[i], T0.plusSeconds(10L * i), threshold);
    }
    return current;
  }

  @Test
  void startsWithoutAVerdict() {
    assertThat(CheckerView.initial().status()).isEqualTo(Status.UNKNOWN);
  }

  @Test
  void needsThresholdSuccessesForItsFirstVerdict() {
    assertThat(apply(CheckerView.initial(), 3, pass(), pass()).status()).isEqualTo(Status.UNKNOWN);
    assertThat(apply(CheckerView.initial(), 3, pass(), pass(), pass()).status()).isEqualTo(Status.HEALTHY);
  }

  @Test
  void needsThresholdFailuresForAFirstUnhealthyVerdict() {
    assertThat(apply(CheckerView.initial(), 3, fail("HTTP 503"), fail("HTTP 503")).status())
        .isEqualTo(Status.UNKNOWN);
    assertThat(apply(CheckerView.initial(), 3, fail("HTTP 503"), fail("HTTP 503"), fail("HTTP 503")).status())
        .isEqualTo(Status.UNHEALTHY);
  }

  @Test
  void turnsUnhealthyAfterThresholdConsecutiveFailures() {
    CheckerView healthy = apply(CheckerView.initial(), 3, pass(), pass(), pass());

    CheckerView twoFailures = apply(healthy, 3, fail("HTTP 503"), fail("HTTP 503"));
    assertThat(twoFailures.status()).isEqualTo(Status.HEALTHY);
    assertThat(twoFailures.consecutiveFailures()).isEqualTo(2);

    CheckerView threeFailures = twoFailures.after(fail("HTTP 503"), T0.plusSeconds(20), 3);
    assertThat(threeFailures.status()).isEqualTo(Status.UNHEALTHY);
    assertThat(threeFailures.consecutiveFailures()).isEqualTo(3);
  }

  @Test
  void turnsHealthyAgainOnlyAfterThresholdConsecutiveSuccesses() {
    CheckerView unhealthy = apply(CheckerView.initial(), 3, fail("x"), fail("x"), fail("x"));

    CheckerView twoSuccesses = apply(unhealthy, 3, pass(), pass());
    assertThat(twoSuccesses.status()).isEqualTo(Status.UNHEALTHY);
    assertThat(twoSuccesses.consecutiveSuccesses()).isEqualTo(2);
    assertThat(twoSuccesses.after(pass(), T0, 3).status()).isEqualTo(Status.HEALTHY);
  }

  @Test
  void flappingBelowTheThresholdNeverFlips() {
    CheckerView view = apply(CheckerView.initial(), 3, pass(), pass(), pass());
    for (int i = 0; i < 20; i++) {
      view = apply(view, 3, fail("HTTP 503"), fail("HTTP 503"), pass());
      assertThat(view.status()).isEqualTo(Status.HEALTHY);
    }
    CheckerView down = apply(CheckerView.initial(), 3, fail("x"), fail("x"), fail("x"));
    for (int i = 0; i < 20; i++) {
      down = apply(down, 3, pass(), pass(), fail("x"));
      assertThat(down.status()).isEqualTo(Status.UNHEALTHY);
    }
  }

  @Test
  void thresholdOfOneFollowsEveryResult() {
    CheckerView view = CheckerView.initial().after(fail("HTTP 500"), T0, 1);
    assertThat(view.status()).isEqualTo(Status.UNHEALTHY);
    assertThat(view.after(pass(), T0, 1).status()).isEqualTo(Status.HEALTHY);
  }

  @Test
  void remembersWhenTheFailingStreakStartedAndItsLastError() {
    CheckerView view = CheckerView.initial()
        .after(pass(), T0, 3)
        .after(fail("HTTP 503"), T0.plusSeconds(10), 3)
        .after(fail("connect timed out after 4000 ms"), T0.plusSeconds(20), 3);

    assertThat(view.firstFailureAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(view.lastFailureAt()).isEqualTo(T0.plusSeconds(20));
    assertThat(view.lastError()).isEqualTo("connect timed out after 4000 ms");
  }

  @Test
  void aSuccessEndsTheFailingStreak() {
    CheckerView view = CheckerView.initial()
        .after(fail("HTTP 503"), T0, 3)
        .after(pass(), T0.plusSeconds(10), 3);

    assertThat(view.consecutiveFailures()).isZero();
    assertThat(view.firstFailureAt()).isNull();
    assertThat(view.lastError()).isNull();
    assertThat(view.after(fail("HTTP 502"), T0.plusSeconds(20), 3).firstFailureAt()).isEqualTo(T0.plusSeconds(20));
  }

  @Test
  void rejectsAThresholdBelowOne() {
    assertThatIllegalArgumentException().isThrownBy(() -> CheckerView.initial().after(pass(), T0, 0))
        .withMessageContaining("failureThreshold");
  }
}
