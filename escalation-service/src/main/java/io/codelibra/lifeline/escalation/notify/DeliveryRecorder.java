package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationDelivered;

/** Where the outcome of each attempt goes: the {@code notifications} topic in the service, a list in tests. */
public interface DeliveryRecorder {

  /** Returns once the outcome is safely stored; throws when it could not be. */
  void record(NotificationDelivered outcome);
}
