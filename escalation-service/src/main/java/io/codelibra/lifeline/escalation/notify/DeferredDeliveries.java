package io.codelibra.lifeline.escalation.notify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds notifications whose {@code notBefore} is still ahead, in memory, so that they do not block their
 * partition. escalation-service's own requests never need it (the incident engine emits a request when its
 * contact rule is due), so a restart losing what it holds is logged rather than made durable.
 */
public class DeferredDeliveries implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DeferredDeliveries.class);

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().name("notify-deferred").daemon().factory());

  /** Runs {@code delivery} on its own virtual thread after {@code delay}, so that slow deliveries do not delay others. */
  public void deliverAfter(Duration delay, Runnable delivery) {
    timer.schedule(() -> Thread.ofVirtual().name("notify-deferred-delivery").start(() -> {
      try {
        delivery.run();
      } catch (RuntimeException e) {
        log.error("A deferred notification could not be delivered or recorded: {}", e.getMessage());
      }
    }), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    List<Runnable> dropped = timer.shutdownNow();
    if (!dropped.isEmpty()) {
      log.warn("{} deferred notifications were dropped at shutdown and will not be delivered", dropped.size());
    }
  }
}
