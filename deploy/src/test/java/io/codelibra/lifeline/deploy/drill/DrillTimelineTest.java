package io.codelibra.lifeline.deploy.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillTimelineTest {

  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void passesWhenEveryStepIsObservedAfterWhatItFollows() {
    DrillTimeline timeline = new DrillTimeline(START);
    timeline.observed("fault-injected", "fault", List.of(), START, "on");
    timeline.observed("region-unhealthy", "unhealthy", List.of("fault-injected"), START.plusMillis(3800), "3 of 3 failed");
    timeline.observed("failover-requested", "requested", List.of("region-unhealthy"), START.plusMillis(3810), "automatic");

    assertThat(timeline.passed()).isTrue();
    assertThat(timeline.offsetMs(timeline.step("failover-requested").orElseThrow())).isEqualTo(3810);
    assertThat(DrillReport.markdown(timeline)).contains("Verdict: **passed**", "| 3.8 | failover-requested | requested | automatic |");
  }

  @Test
  void failsOnAMissingStepAndOnAStepBeforeTheOneItMustFollow() {
    DrillTimeline timeline = new DrillTimeline(START);
    timeline.observed("region-unhealthy", "unhealthy", List.of(), START.plusMillis(3800), "down");
    timeline.observed("failover-requested", "requested", List.of("region-unhealthy"), START.plusMillis(100), "too early");
    timeline.missed("escalated", "escalated", List.of("region-unhealthy"), "no IncidentEscalated within PT1M30S");

    assertThat(timeline.passed()).isFalse();
    assertThat(timeline.problems()).containsExactly(
        "failover-requested at +100 ms came before region-unhealthy at +3800 ms",
        "escalated missing: no IncidentEscalated within PT1M30S");
    assertThat(DrillReport.json(timeline).get("passed").asBoolean()).isFalse();
    assertThat(DrillReport.markdown(timeline)).contains("| missing | escalated |", "- escalated missing");
  }
}
