package io.codelibra.lifeline.escalation.contact;

import io.codelibra.lifeline.events.NotificationChannel;
import java.time.Duration;

/** One notification to send a user when paged: over which channel, to which address, how long after the page. */
public record ContactPlan(String contactMethodId, NotificationChannel channel, String recipient, Duration delay) {
}
