package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.events.SubscriberChannel;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Tells every confirmed subscriber interested in a notice's components, a few at a time. Each delivery is attempted
 * with backoff while its failure may pass; a delivery that still fails is logged with the subscriber's id (never the
 * address) and counted, and never stops the others. Returns when every delivery has ended.
 */
final class SubscriberNotifier {

  static final String NOTIFICATIONS_METER = "lifeline.statuspage.subscriber.notifications";
  private static final Logger log = LoggerFactory.getLogger(SubscriberNotifier.class);

  private final Map<SubscriberChannel, NoticeSender> senders = new EnumMap<>(SubscriberChannel.class);
  private final RetryTemplate retries;
  private final int parallelism;
  private final MeterRegistry meters;

  SubscriberNotifier(List<NoticeSender> senders, SubscriptionProperties.Retry retry, int parallelism,
      MeterRegistry meters) {
    senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    this.retries = new RetryTemplate(RetryPolicy.builder()
        .maxRetries(retry.maxAttempts() - 1L)
        .delay(retry.initialDelay())
        .multiplier(retry.multiplier())
        .maxDelay(retry.maxDelay())
        .predicate(failure -> failure instanceof DeliveryFailed failed && failed.retryable())
        .build());
    this.parallelism = parallelism;
    this.meters = meters;
  }

  /** The subscribers to tell: confirmed, reachable over a channel we have, and interested in the components. */
  List<SubscriberState> recipients(SubscriberNotice notice, PageSnapshot page) {
    return page.subscribers().stream()
        .filter(SubscriberState::confirmed)
        .filter(subscriber -> senders.containsKey(subscriber.channel()))
        .filter(subscriber -> subscriber.interestedIn(notice.componentIds()))
        .toList();
  }

  void notify(SubscriberNotice notice, PageSnapshot page) {
    List<SubscriberState> recipients = recipients(notice, page);
    AtomicInteger failed = new AtomicInteger();
    try (ExecutorService deliveries = Executors.newFixedThreadPool(parallelism,
        Thread.ofVirtual().name("subscriber-notice-", 0).factory())) {
      for (SubscriberState subscriber : recipients) {
        deliveries.execute(() -> {
          if (!deliver(subscriber, notice, page)) {
            failed.incrementAndGet();
          }
        });
      }
    }
    log.info("{} {} update {} ({}): told {} of {} subscribers", notice.kind().name().toLowerCase(Locale.ROOT), notice.id(),
        notice.updateId(), notice.status(), recipients.size() - failed.get(), recipients.size());
  }

  private boolean deliver(SubscriberState subscriber, SubscriberNotice notice, PageSnapshot page) {
    NoticeSender sender = senders.get(subscriber.channel());
    String outcome = "failed";
    try {
      retries.execute(() -> {
        sender.send(subscriber, notice, page);
        return null;
      });
      outcome = "delivered";
      log.debug("Subscriber {} told of {} {} over {}", subscriber.id(), notice.kind(), notice.id(), subscriber.channel());
    } catch (RetryException e) {
      String reason = e.getLastException() instanceof DeliveryFailed failure ? failure.getMessage()
          : FailureReason.of(e.getLastException(), subscriber.address());
      log.warn("Subscriber {} was not told of {} {} update {} over {} after {} attempt(s): {}", subscriber.id(),
          notice.kind(), notice.id(), notice.updateId(), subscriber.channel(), e.getRetryCount() + 1, reason);
    } catch (RuntimeException e) {
      log.error("Subscriber {} was not told of {} {} update {} over {}: {}", subscriber.id(), notice.kind(), notice.id(),
          notice.updateId(), subscriber.channel(), FailureReason.of(e, subscriber.address()));
    }
    meters.counter(NOTIFICATIONS_METER, "channel", subscriber.channel().name(), "outcome", outcome).increment();
    return outcome.equals("delivered");
  }
}
