package io.codelibra.lifeline.escalation.contact;

import io.codelibra.lifeline.events.NotificationChannel;

/**
 * How a contact method reaches its user, as written in {@code contact_methods[].type}. sms, push and
 * voice are accepted so that contact files can list them, but no notifier adapter delivers them yet.
 */
public enum ContactMethodType {
  email,
  webhook,
  slack,
  pagerduty,
  sms,
  push,
  voice;

  public NotificationChannel channel() {
    return NotificationChannel.valueOf(name());
  }

  public boolean hasDeliveryAdapter() {
    return switch (this) {
      case email, webhook, slack, pagerduty -> true;
      case sms, push, voice -> false;
    };
  }
}
