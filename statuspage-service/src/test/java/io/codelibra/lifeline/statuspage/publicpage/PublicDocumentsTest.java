package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.testing.time.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublicDocumentsTest {

  private final PublishedPage published = new PublishedPage();
  private final MovableClock clock = new MovableClock(PublicPageSnapshots.NOW);
  private final PublicDocuments documents = new PublicDocuments(published, clock, new PageRenderer());

  @Test
  void isEmptyUntilThePageIsRestored() {
    assertThat(documents.current()).isEmpty();
  }

  @Test
  void rendersOncePerSnapshotVersion() {
    published.publish(PublicPageSnapshots.outage());

    RenderedPage first = documents.current().orElseThrow();
    RenderedPage again = documents.current().orElseThrow();

    assertThat(again).isSameAs(first);
    assertThat(again.summary().body()).isSameAs(first.summary().body());
    assertThat(first.summary().etag()).isEqualTo("\"7\"");
    assertThat(first.html().etag()).isEqualTo("\"7-2026-11-20\"");
  }

  @Test
  void rendersAgainForANewVersion() {
    published.publish(PublicPageSnapshots.outage());
    RenderedPage first = documents.current().orElseThrow();

    published.publish(withVersion(PublicPageSnapshots.outage(), 8));
    RenderedPage next = documents.current().orElseThrow();

    assertThat(next).isNotSameAs(first);
    assertThat(next.version()).isEqualTo(8);
    assertThat(next.status().etag()).isEqualTo("\"8\"");
  }

  @Test
  void rendersAgainWhenThePagesDayChangesSoTheUptimeBarsMoveOn() {
    published.publish(PublicPageSnapshots.outage());
    RenderedPage today = documents.current().orElseThrow();

    clock.advance(Duration.ofHours(8)); // 23:00 UTC, same day
    assertThat(documents.current().orElseThrow()).isSameAs(today);

    clock.advance(Duration.ofHours(2)); // 01:00 UTC, the next day
    RenderedPage tomorrow = documents.current().orElseThrow();
    assertThat(tomorrow).isNotSameAs(today);
    assertThat(tomorrow.html().etag()).isEqualTo("\"7-2026-11-21\"");
    assertThat(tomorrow.summary().etag()).isEqualTo(today.summary().etag());
    assertThat(tomorrow.summary().body()).isEqualTo(today.summary().body());
  }

  private static PageSnapshot withVersion(PageSnapshot snapshot, long version) {
    return new PageSnapshot(snapshot.settings(), version, snapshot.updatedAt(), snapshot.groups(), snapshot.components(),
        snapshot.histories(), snapshot.incidents(), snapshot.maintenances(), snapshot.subscribers(), snapshot.audit());
  }
}
