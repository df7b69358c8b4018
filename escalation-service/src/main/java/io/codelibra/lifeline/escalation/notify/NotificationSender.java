package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationRequested;

/** One delivery channel (webhook, Slack, e-mail, PagerDuty): makes one attempt to deliver a notification. */
public interface NotificationSender {

  boolean supports(NotificationChannel channel);

  /** One attempt; reports failures as {@link Delivery.Failed} instead of throwing. */
  Delivery send(NotificationRequested request);
}
