package io.codelibra.lifeline.escalation.incident;

import static io.codelibra.lifeline.escalation.incident.IncidentInputs.T0;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one timer an incident needs: its earliest escalation, delayed notification or snooze end. */
class IncidentStateNextDueTest {

  private static IncidentState.Builder incident(IncidentStatus status) {
    return new IncidentState.Builder().incidentId("inc-1").routingKey("fp-1").dedupKey("fp-1").service("checkout")
        .severity(Severity.SEV1).urgency(Urgency.high).title("Checkout down").status(status).openedAt(T0)
        .alertCount(1).firingAlerts(Set.of("fp-1"));
  }

  private static PendingNotification smsAt(Instant dueAt) {
    return new PendingNotification(dueAt, "dave", "sms", NotificationChannel.sms, "+14155550100",
        NotificationKind.incident_opened, 1);
  }

  @Test
  void triggeredIncidentIsDueAtItsEarliestEscalationOrNotification() {
    IncidentState escalationFirst = incident(IncidentStatus.triggered).nextEscalationAt(minutes(15))
        .pendingNotifications(List.of(smsAt(minutes(20)), smsAt(minutes(17)))).build();
    IncidentState notificationFirst = incident(IncidentStatus.triggered).nextEscalationAt(minutes(15))
        .pendingNotifications(List.of(smsAt(minutes(10)), smsAt(minutes(5)))).build();

    assertThat(escalationFirst.nextDue()).contains(minutes(15));
    assertThat(notificationFirst.nextDue()).contains(minutes(5));
  }

  @Test
  void triggeredIncidentIgnoresASnoozeTime() {
    IncidentState incident = incident(IncidentStatus.triggered).nextEscalationAt(minutes(15)).snoozedUntil(minutes(1))
        .build();

    assertThat(incident.nextDue()).contains(minutes(15));
  }

  @Test
  void triggeredIncidentWithoutTimersIsNeverDue() {
    assertThat(incident(IncidentStatus.triggered).build().nextDue()).isEmpty();
  }

  @Test
  void acknowledgedIncidentIsDueOnlyWhenItsSnoozeEnds() {
    IncidentState snoozed = incident(IncidentStatus.acknowledged).nextEscalationAt(minutes(15))
        .pendingNotifications(List.of(smsAt(minutes(5)))).snoozedUntil(minutes(35)).build();
    IncidentState acknowledged = incident(IncidentStatus.acknowledged).nextEscalationAt(minutes(15))
        .pendingNotifications(List.of(smsAt(minutes(5)))).build();

    assertThat(snoozed.nextDue()).contains(minutes(35));
    assertThat(acknowledged.nextDue()).isEmpty();
  }

  @Test
  void resolvedIncidentIsNeverDue() {
    IncidentState resolved = incident(IncidentStatus.resolved).nextEscalationAt(minutes(15))
        .pendingNotifications(List.of(smsAt(minutes(5)))).snoozedUntil(minutes(35)).build();

    assertThat(resolved.nextDue()).isEmpty();
  }
}
