package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * The {@code notifySubscribers} consumer of {@code status.incidents} and {@code status.maintenance}: turns each
 * incident update and maintenance step into a notice and tells the page's interested subscribers. It waits for the
 * page's state to be restored (who the subscribers are), and skips updates older than {@code stale-after}.
 */
public final class NotifySubscribers implements Consumer<Message<SpecificRecord>> {

  private static final Logger log = LoggerFactory.getLogger(NotifySubscribers.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final PublishedPage page;
  private final SubscriberNotifier notifier;
  private final Duration pageWait;
  private final Duration staleAfter;
  private final Clock clock;

  NotifySubscribers(PublishedPage page, SubscriberNotifier notifier, Duration pageWait, Duration staleAfter,
      Clock clock) {
    this.page = page;
    this.notifier = notifier;
    this.pageWait = pageWait;
    this.staleAfter = staleAfter;
    this.clock = clock;
  }

  @Override
  public void accept(Message<SpecificRecord> message) {
    // A tombstone arrives as KafkaNull despite the declared type.
    if (!(message.getPayload() instanceof SpecificRecord event)) {
      return;
    }
    PageSnapshot snapshot = restoredPage();
    SubscriberNotice notice = EventNotices.of(event, snapshot).orElse(null);
    if (notice == null) {
      return;
    }
    if (notice.updatedAt().isBefore(clock.instant().minus(staleAfter))) {
      log.info("{} {} update {} is from {}, older than lifeline.statuspage.subscriptions.stale-after: "
          + "subscribers not told", notice.kind(), notice.id(), notice.updateId(), notice.updatedAt());
      return;
    }
    notifier.notify(notice, snapshot);
  }

  private PageSnapshot restoredPage() {
    long deadline = System.nanoTime() + pageWait.toNanos();
    Optional<PageSnapshot> current = page.current();
    while (current.isEmpty()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new PageNotRestored("the page's state is not restored after " + pageWait
            + ": its subscribers are not known yet");
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PageNotRestored("interrupted while waiting for the page's state to be restored");
      }
      current = page.current();
    }
    return current.get();
  }
}
