package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.DeliveryStatus;
import io.codelibra.lifeline.events.NotificationDelivered;
import io.codelibra.lifeline.events.NotificationRequested;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Builds the {@link NotificationDelivered} event of one attempt's outcome. */
final class DeliveryRecords {

  private final String source;

  DeliveryRecords(String source) {
    this.source = source;
  }

  NotificationDelivered delivered(NotificationRequested request, int attempt, Delivery.Accepted accepted, Instant end) {
    return outcome(request, attempt, DeliveryStatus.delivered, end)
        .setDeliveredAt(end)
        .setResponseCode(accepted.responseCode())
        .setProviderMessageId(accepted.providerMessageId())
        .build();
  }

  NotificationDelivered retrying(NotificationRequested request, int attempt, Delivery.Failed failed, Instant end,
      Instant nextAttemptAt) {
    return outcome(request, attempt, DeliveryStatus.retrying, end)
        .setResponseCode(failed.responseCode())
        .setError(failed.error())
        .setNextAttemptAt(nextAttemptAt)
        .build();
  }

  NotificationDelivered failed(NotificationRequested request, int attempt, Delivery.Failed failed, Instant end) {
    return outcome(request, attempt, DeliveryStatus.failed, end)
        .setResponseCode(failed.responseCode())
        .setError(failed.error())
        .build();
  }

  private NotificationDelivered.Builder outcome(NotificationRequested request, int attempt, DeliveryStatus status,
      Instant end) {
    Instant due = request.getNotBefore() != null && request.getNotBefore().isAfter(request.getOccurredAt())
        ? request.getNotBefore() : request.getOccurredAt();
    return NotificationDelivered.newBuilder()
        // The same outcome of a request consumed twice gets the same id, so consumers can drop the copy.
        .setEventId(UUID.nameUUIDFromBytes((request.getNotificationId() + "/" + attempt + "/" + status)
            .getBytes(StandardCharsets.UTF_8)))
        .setOccurredAt(end)
        .setSource(source)
        .setNotificationId(request.getNotificationId())
        .setIncidentId(request.getIncidentId())
        .setChannel(request.getChannel())
        .setRecipient(request.getRecipient())
        .setUserId(request.getUserId())
        .setStatus(status)
        .setAttempt(attempt)
        .setLatencyMs(Math.max(0, Duration.between(due, end).toMillis()));
  }
}
