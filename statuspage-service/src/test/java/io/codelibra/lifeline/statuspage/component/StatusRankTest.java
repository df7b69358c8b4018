package io.codelibra.lifeline.statuspage.component;

import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;
import static io.codelibra.lifeline.events.ComponentStatus.under_maintenance;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.ComponentStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRankTest {

  @Test
  void ordersStatusesFromOperationalToMajorOutageWithMaintenanceBelowEveryProblem() {
    List<ComponentStatus> bestFirst = Arrays.stream(ComponentStatus.values())
        .sorted(Comparator.comparingInt(StatusRank::of)).toList();

    assertThat(bestFirst).containsExactly(operational, under_maintenance, degraded_performance, partial_outage, major_outage);
  }

  @Test
  void worstOfNoStatusesIsOperational() {
    assertThat(StatusRank.worst(List.of())).isEqualTo(operational);
  }

  @Test
  void worstPicksTheMostSevereWhateverTheOrder() {
    assertThat(StatusRank.worst(List.of(degraded_performance, major_outage, partial_outage))).isEqualTo(major_outage);
    assertThat(StatusRank.worst(List.of(partial_outage, degraded_performance))).isEqualTo(partial_outage);
  }

  @Test
  void anOutageDuringMaintenanceIsShownAsTheOutage() {
    assertThat(StatusRank.worst(List.of(under_maintenance, degraded_performance))).isEqualTo(degraded_performance);
    assertThat(StatusRank.worst(List.of(under_maintenance, operational))).isEqualTo(under_maintenance);
  }
}
