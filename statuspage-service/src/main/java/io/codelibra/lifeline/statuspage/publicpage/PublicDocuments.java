package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The public documents of the published snapshot, rendered once per snapshot version (and again when the page's day
 * changes) and then shared by every request: a request only compares a version and a time. Empty until the page's
 * state is restored.
 */
public final class PublicDocuments {

  private final PublishedPage published;
  private final Clock clock;
  private final PageRenderer renderer;
  private final AtomicReference<RenderedPage> rendered = new AtomicReference<>();
  private final Object renderLock = new Object();

  public PublicDocuments(PublishedPage published, Clock clock, PageRenderer renderer) {
    this.published = published;
    this.clock = clock;
    this.renderer = renderer;
  }

  public Optional<RenderedPage> current() {
    Optional<PageSnapshot> snapshot = published.current();
    if (snapshot.isEmpty()) {
      return Optional.empty();
    }
    RenderedPage page = rendered.get();
    if (fresh(page, snapshot.get())) {
      return Optional.of(page);
    }
    synchronized (renderLock) { // one render per version, however many requests arrive with it
      page = rendered.get();
      if (!fresh(page, snapshot.get())) {
        page = renderer.render(snapshot.get(), clock.instant());
        rendered.set(page);
      }
      return Optional.of(page);
    }
  }

  private boolean fresh(RenderedPage page, PageSnapshot snapshot) {
    return page != null && page.version() == snapshot.version() && clock.millis() < page.validUntil().toEpochMilli();
  }
}
