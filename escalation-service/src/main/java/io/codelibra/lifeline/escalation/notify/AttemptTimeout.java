package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationRequested;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds one attempt on any channel, whatever the channel's own timeouts (JavaMail has none by default).
 * The attempt runs on a virtual thread, whose blocking socket calls an interrupt aborts.
 */
public final class AttemptTimeout implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AttemptTimeout.class);

  private final Duration limit;
  private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();

  public AttemptTimeout(Duration limit) {
    this.limit = limit;
  }

  Delivery run(NotificationSender sender, NotificationRequested request) {
    Future<Delivery> attempt = attempts.submit(() -> sender.send(request));
    try {
      return attempt.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      attempt.cancel(true);
      return new Delivery.Failed(null, "no answer within " + limit, true);
    } catch (ExecutionException e) {
      // A sender reports expected failures as values, so this is a bug; its message may quote a URL, so
      // only the type and place are logged.
      Throwable bug = e.getCause();
      log.error("Unexpected {} at {} while delivering notification {} over {}", bug.getClass().getName(),
          bug.getStackTrace().length == 0 ? "?" : bug.getStackTrace()[0], request.getNotificationId(),
          request.getChannel());
      return new Delivery.Failed(null, "unexpected " + bug.getClass().getSimpleName() + " in the "
          + request.getChannel() + " sender", false);
    } catch (InterruptedException e) {
      attempt.cancel(true);
      Thread.currentThread().interrupt();
      throw new DeliveryInterrupted("interrupted while delivering notification " + request.getNotificationId(), e);
    }
  }

  @Override
  public void close() {
    attempts.shutdownNow();
  }
}
