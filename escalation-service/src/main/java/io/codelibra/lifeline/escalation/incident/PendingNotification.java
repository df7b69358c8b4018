package io.codelibra.lifeline.escalation.incident;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationKind;
import java.time.Instant;

/** A notification rule with a start delay: sent at {@code dueAt} unless the incident is acknowledged or resolved first. */
public record PendingNotification(Instant dueAt, String userId, String contactMethodId, NotificationChannel channel,
    String recipient, NotificationKind kind, int level) {
}
