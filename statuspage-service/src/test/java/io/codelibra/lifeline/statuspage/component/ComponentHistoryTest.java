package io.codelibra.lifeline.statuspage.component;

import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComponentHistoryTest {

  private static final Instant T0 = Instant.parse("2024-03-04T09:00:00Z");
  private static final Duration KEEP = Duration.ofDays(5);

  private static Instant day(int days) {
    return T0.plus(Duration.ofDays(days));
  }

  @Test
  void startsWithOneSpanFromCreation() {
    ComponentHistory history = ComponentHistory.startingAt("api", operational, T0);

    assertThat(history.componentId()).isEqualTo("api");
    assertThat(history.spans()).containsExactly(new StatusSpan(T0, operational));
  }

  @Test
  void recordsChangesOldestFirst() {
    ComponentHistory history = ComponentHistory.startingAt("api", operational, T0)
        .changedTo(major_outage, day(1), KEEP)
        .changedTo(operational, day(2), KEEP);

    assertThat(history.spans()).containsExactly(
        new StatusSpan(T0, operational), new StatusSpan(day(1), major_outage), new StatusSpan(day(2), operational));
  }

  @Test
  void forgetsSpansThatEndedBeforeTheRetentionButKeepsTheOneRunningAcrossIt() {
    ComponentHistory history = ComponentHistory.startingAt("api", operational, T0)
        .changedTo(major_outage, day(1), KEEP)
        .changedTo(partial_outage, day(2), KEEP)
        .changedTo(operational, day(10), KEEP);

    // horizon = day 5: the spans from day 0 and 1 ended before it; the day-2 span ran until day 10.
    assertThat(history.spans()).containsExactly(new StatusSpan(day(2), partial_outage), new StatusSpan(day(10), operational));
  }

  @Test
  void forgetsASpanThatEndedExactlyAtTheHorizon() {
    ComponentHistory history = ComponentHistory.startingAt("api", operational, T0)
        .changedTo(major_outage, day(1), KEEP)
        .changedTo(degraded_performance, day(6), KEEP);

    // horizon = day 1: the first span ended there, so none of it is within the retention.
    assertThat(history.spans()).containsExactly(new StatusSpan(day(1), major_outage), new StatusSpan(day(6), degraded_performance));
  }

  @Test
  void alwaysKeepsTheSpanStillRunningWhenTheNextChangeComesLongAfterTheRetention() {
    ComponentHistory history = ComponentHistory.startingAt("api", operational, T0).changedTo(major_outage, day(100), KEEP);

    assertThat(history.spans()).containsExactly(new StatusSpan(T0, operational), new StatusSpan(day(100), major_outage));
  }

  @Test
  void changingLeavesTheEarlierHistoryUntouched() {
    ComponentHistory original = ComponentHistory.startingAt("api", operational, T0);

    original.changedTo(major_outage, day(1), KEEP);

    assertThat(original.spans()).hasSize(1);
  }
}
