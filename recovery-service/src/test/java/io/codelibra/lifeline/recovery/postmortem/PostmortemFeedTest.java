package io.codelibra.lifeline.recovery.postmortem;

import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.FINGERPRINT;
import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.INCIDENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.testing.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemFeedTest {

  @TempDir
  Path directory;

  @Test
  void storesTheDraftOnceTheResolutionHasSettledAndAgainWhenALateEventNamesTheIncident() {
    MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    PostmortemStore store = new PostmortemStore(directory);
    PostmortemFeed feed = new PostmortemFeed(() -> {
      throw new AssertionError("no Kafka in this test");
    }, new IncidentTimeline(), store, clock, Duration.ofSeconds(30), Duration.ofSeconds(1));

    feed.take(IncidentStory.opened(1, INCIDENT, FINGERPRINT));
    feed.take(IncidentStory.resolved(85));
    feed.storeDue();
    assertThat(store.read(INCIDENT)).isEmpty();

    clock.advance(Duration.ofSeconds(31));
    feed.storeDue();
    assertThat(store.read(INCIDENT).orElseThrow()).contains("## Timeline").doesNotContain("run-late");

    feed.take(IncidentStory.runStarted(90, "run-late", INCIDENT));
    feed.take(IncidentStory.step(91, "run-late", 0, "restore", StepOutcome.succeeded, null));
    clock.advance(Duration.ofSeconds(31));
    feed.storeDue();
    assertThat(store.read(INCIDENT).orElseThrow()).contains("run `run-late`");
  }
}
