package io.codelibra.lifeline.failover.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTrafficRouterTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
  private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");

  @TempDir
  Path dir;

  @Test
  void routesToThePrimaryUntilToldOtherwise() {
    LocalTrafficRouter router = new LocalTrafficRouter(dir.resolve("routing/www-region"), REGIONS, CLOCK);

    assertThat(router.current().activeRegion()).isEqualTo("us-east-1");
  }

  @Test
  void keepsTheRoutingAcrossARestart() throws Exception {
    Path file = dir.resolve("routing/www-region");
    RoutingChange change = new LocalTrafficRouter(file, REGIONS, CLOCK).routeTo("us-west-2");

    assertThat(change.changed()).isTrue();
    assertThat(change.fromRegion()).isEqualTo("us-east-1");
    assertThat(change.steps()).extracting(ExecutedStep::name).containsExactly("local-route-write", "local-route-verify");
    assertThat(change.steps().getFirst().startedAt()).isEqualTo(CLOCK.instant());
    assertThat(Files.readString(file).strip()).isEqualTo("us-west-2");
    assertThat(new LocalTrafficRouter(file, REGIONS, CLOCK).current().activeRegion()).isEqualTo("us-west-2");
  }

  @Test
  void changesNothingWhenAlreadyRoutedThere() {
    LocalTrafficRouter router = new LocalTrafficRouter(dir.resolve("www-region"), REGIONS, CLOCK);

    RoutingChange change = router.routeTo("us-east-1");

    assertThat(change.changed()).isFalse();
    assertThat(change.steps()).singleElement().extracting(ExecutedStep::outcome)
        .isEqualTo(ExecutedStep.Outcome.SKIPPED);
    assertThat(dir.resolve("www-region")).doesNotExist();
  }

  @Test
  void refusesAnUnknownRegion() {
    LocalTrafficRouter router = new LocalTrafficRouter(dir.resolve("www-region"), REGIONS, CLOCK);

    assertThatThrownBy(() -> router.routeTo("eu-west-1")).isInstanceOf(IllegalArgumentException.class);
  }
}
