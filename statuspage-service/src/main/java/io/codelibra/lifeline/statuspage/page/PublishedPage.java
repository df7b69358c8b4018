package io.codelibra.lifeline.statuspage.page;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest snapshot of the page, published by the single writer after every change and read by every
 * request without locking. Empty until the writer has restored the page's state on start.
 */
public final class PublishedPage {

  private final AtomicReference<PageSnapshot> current = new AtomicReference<>();

  public Optional<PageSnapshot> current() {
    return Optional.ofNullable(current.get());
  }

  public void publish(PageSnapshot snapshot) {
    current.set(snapshot);
  }

  /** Forgets the page: this instance no longer holds the writer's state (stopping, or moved elsewhere). */
  public void clear() {
    current.set(null);
  }
}
