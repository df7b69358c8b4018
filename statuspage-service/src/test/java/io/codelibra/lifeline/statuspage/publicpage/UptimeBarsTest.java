package io.codelibra.lifeline.statuspage.publicpage;

import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.statuspage.component.UptimeDay;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class UptimeBarsTest {

  private static final LocalDate DAY = LocalDate.parse("2026-11-20");

  @Test
  void aDayWithAnOutageSaysItsUptimeAndMinutes() {
    assertThat(UptimeBars.text(new UptimeDay(DAY, 1 - 12.0 / 1440, major_outage, 12, 0)))
        .isEqualTo("2026-11-20: 99.16 % uptime, 12 min major outage");
    assertThat(UptimeBars.text(new UptimeDay(DAY, 1 - (12 + 0.3 * 30) / 1440, major_outage, 12, 30)))
        .isEqualTo("2026-11-20: 98.54 % uptime, 12 min major outage, 30 min partial outage");
  }

  @Test
  void aQuietDaySaysNoDowntimeAndAnUnknownDaySaysNoData() {
    assertThat(UptimeBars.text(new UptimeDay(DAY, 1.0, operational, 0, 0)))
        .isEqualTo("2026-11-20: 100 % uptime, no downtime");
    assertThat(UptimeBars.text(new UptimeDay(DAY, null, null, 0, 0))).isEqualTo("2026-11-20: no data");
    assertThat(UptimeBars.text(new UptimeDay(DAY, 1.0, degraded_performance, 0, 0)))
        .isEqualTo("2026-11-20: 100 % uptime, degraded performance");
  }

  @Test
  void anyDowntimeNeverReadsAHundredPercent() {
    assertThat(UptimeBars.percent(1 - 1.0 / 86_400_000)).isEqualTo("99.99 %");
    assertThat(UptimeBars.text(new UptimeDay(DAY, 1 - 1.0 / 86_400_000, partial_outage, 0, 0)))
        .isEqualTo("2026-11-20: 99.99 % uptime, less than 1 min partial outage");
  }

  @Test
  void barsCoverTheConfiguredDaysWithTheDaysWorstStatusAsLevel() {
    UptimeBars bars = UptimeBars.of(PublicPageSnapshots.outage().histories().get("api"), PublicPageSnapshots.NOW,
        ZoneId.of("Etc/UTC"), 90);

    assertThat(bars.bars()).hasSize(90);
    assertThat(bars.bars().getLast().level()).isEqualTo("major_outage");
    assertThat(bars.bars().getLast().text()).isEqualTo("2026-11-20: 86.66 % uptime, 120 min major outage");
    assertThat(bars.bars().get(86).text()).isEqualTo("2026-11-17: 99.16 % uptime, 12 min major outage");
    assertThat(bars.bars().getFirst().text()).isEqualTo("2026-08-23: 100 % uptime, no downtime");
    assertThat(bars.overall()).endsWith(" % uptime");
  }

  @Test
  void aComponentWithoutHistoryHasNoData() {
    UptimeBars bars = UptimeBars.of(null, PublicPageSnapshots.NOW, ZoneId.of("Etc/UTC"), 3);

    assertThat(bars.bars()).extracting(UptimeBars.Bar::level).containsOnly("none");
    assertThat(bars.overall()).isEqualTo("no data");
  }
}
