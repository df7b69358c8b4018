package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.DeliveryStatus;
import io.codelibra.lifeline.events.NotificationDelivered;
import io.codelibra.lifeline.events.NotificationRequested;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;

/**
 * Delivers one notification over its channel: attempts with exponential backoff up to the request's
 * {@code maxAttempts}, retrying only failures another attempt may fix, and records every outcome
 * ({@code retrying} per failed attempt that will be retried, then {@code delivered} or {@code failed}).
 */
public class Notifier {

  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final List<NotificationSender> senders;
  private final DeliveryRecorder recorder;
  private final DeliveryRecords records;
  private final AttemptTimeout attemptTimeout;
  private final BackOff backoff;
  private final Duration deliveryBudget;
  private final Clock clock;

  /**
   * @param backoff the delays between attempts; the request's {@code maxAttempts} bounds their number
   * @param deliveryBudget no retry starts later than this after the first attempt, so that one notification
   *     cannot hold its partition for longer
   */
  public Notifier(List<NotificationSender> senders, DeliveryRecorder recorder, String source,
      AttemptTimeout attemptTimeout, BackOff backoff, Duration deliveryBudget, Clock clock) {
    this.senders = List.copyOf(senders);
    this.recorder = recorder;
    this.records = new DeliveryRecords(source);
    this.attemptTimeout = attemptTimeout;
    this.backoff = backoff;
    this.deliveryBudget = deliveryBudget;
    this.clock = clock;
  }

  /**
   * Returns once the final outcome is recorded.
   *
   * @throws DeliveryNotRecorded when an outcome could not be recorded
   * @throws DeliveryInterrupted when the service stops meanwhile
   */
  public void deliver(NotificationRequested request) {
    Optional<NotificationSender> sender = senders.stream().filter(s -> s.supports(request.getChannel())).findFirst();
    if (sender.isEmpty()) {
      record(records.failed(request, 1, new Delivery.Failed(null,
          "no delivery adapter for channel " + request.getChannel(), false), clock.instant()));
      return;
    }
    Attempts attempts = new Attempts(request, sender.get());
    RetrySchedule schedule = new RetrySchedule(backoff, Math.max(1, request.getMaxAttempts()),
        clock.instant().plus(deliveryBudget), clock, delay -> {
          Instant now = clock.instant();
          record(records.retrying(request, attempts.count, attempts.lastFailure, now, now.plus(delay)));
        });
    RetryPolicy policy = RetryPolicy.builder()
        .backOff(schedule)
        .predicate(failure -> failure instanceof AttemptFailed failed && failed.failure.retryable())
        .build();
    try {
      Delivery.Accepted accepted = new RetryTemplate(policy).execute(attempts::next);
      record(records.delivered(request, attempts.count, accepted, clock.instant()));
    } catch (RetryException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new DeliveryInterrupted("interrupted while delivering notification " + request.getNotificationId(), e);
      }
      if (e.getLastException() instanceof RuntimeException unexpected) {
        throw unexpected;
      }
      record(records.failed(request, attempts.count, attempts.lastFailure, clock.instant()));
    }
  }

  private void record(NotificationDelivered outcome) {
    String code = outcome.getResponseCode() == null ? "" : ", response " + outcome.getResponseCode();
    String error = outcome.getError() == null ? "" : ": " + outcome.getError();
    // The recipient is never logged: for webhook, Slack and PagerDuty it may be a URL with a token or a key.
    if (outcome.getStatus() == DeliveryStatus.delivered) {
      log.info("Notification {} of incident {} delivered over {} (attempt {}{})", outcome.getNotificationId(),
          outcome.getIncidentId(), outcome.getChannel(), outcome.getAttempt(), code);
    } else {
      log.warn("Notification {} of incident {} {} over {} (attempt {}{}){}", outcome.getNotificationId(),
          outcome.getIncidentId(), outcome.getStatus(), outcome.getChannel(), outcome.getAttempt(), code, error);
    }
    recorder.record(outcome);
  }

  /** The attempts of one notification so far. */
  private final class Attempts {
    private final NotificationRequested request;
    private final NotificationSender sender;
    private int count;
    private Delivery.Failed lastFailure;

    Attempts(NotificationRequested request, NotificationSender sender) {
      this.request = request;
      this.sender = sender;
    }

    Delivery.Accepted next() throws AttemptFailed {
      count++;
      return switch (attemptTimeout.run(sender, request)) {
        case Delivery.Accepted accepted -> accepted;
        case Delivery.Failed failed -> {
          lastFailure = failed;
          throw new AttemptFailed(failed);
        }
      };
    }
  }

  /** How a failed attempt reaches the retry template, which decides by exceptions. */
  private static final class AttemptFailed extends Exception {
    private final transient Delivery.Failed failure;

    AttemptFailed(Delivery.Failed failure) {
      super(failure.error(), null, false, false);
      this.failure = failure;
    }
  }
}
