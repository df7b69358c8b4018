package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Instant;
import java.util.UUID;

/** NotificationRequested events as escalation-service's incident engine writes them. */
final class Requests {

  static final Instant OCCURRED_AT = Instant.parse("2026-03-01T10:15:30Z");

  private Requests() {
  }

  static NotificationRequested.Builder request(NotificationChannel channel, String recipient) {
    return NotificationRequested.newBuilder()
        .setEventId(UUID.fromString("00000000-0000-4000-8000-000000000001"))
        .setOccurredAt(OCCURRED_AT)
        .setSource("escalation-service")
        .setNotificationId("ntf-1")
        .setIncidentId("inc-42")
        .setKind(NotificationKind.incident_opened)
        .setChannel(channel)
        .setRecipient(recipient)
        .setUserId("PRIMARY_ON_CALL_USER_ID")
        .setEscalationLevel(1)
        .setSeverity(Severity.SEV1)
        .setUrgency(Urgency.high)
        .setSubject("[SEV1] checkout: 5xx rate above 5%")
        .setBody("Incident inc-42 on checkout (SEV1, high urgency), opened 2026-03-01T10:15:30Z, 3 alerts.")
        .setIncidentUrl("https://lifeline.example.com/api/v1/incidents/inc-42")
        .setAcknowledgeUrl("https://lifeline.example.com/api/v1/incidents/inc-42/acknowledge")
        .setMaxAttempts(3);
  }
}
