package io.codelibra.lifeline.escalation.incident;

import static io.codelibra.lifeline.escalation.incident.IncidentInputs.T0;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.action;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.eventsOf;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.minutes;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.only;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.raised;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.types;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.PRIMARY;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.codelibra.lifeline.escalation.contact.ContactDirectory;
import io.codelibra.lifeline.escalation.contact.ContactPlan;
import io.codelibra.lifeline.events.IncidentAction;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Notification rules with a start delay: sent by the timer unless the incident is acknowledged first. */
class DelayedNotificationsTest {

  private static IncidentEngine engineWithSmsAfter(Duration smsDelay) {
    ContactDirectory emailThenSms = new ContactDirectory() {
      @Override
      public List<ContactPlan> contactPlan(String userId, Urgency urgency) {
        return List.of(new ContactPlan("email", NotificationChannel.email, userId + "@example.com", Duration.ZERO),
            new ContactPlan("sms", NotificationChannel.sms, "+1415555" + (userId.equals(PRIMARY) ? "0100" : "0199"),
                smsDelay));
      }
    };
    return RfcPolicyFixture.engine(RfcPolicyFixture.catalog(0, Map.of()), emailThenSms, RfcPolicyFixture.noSchedules());
  }

  private final IncidentEngine engine = engineWithSmsAfter(Duration.ofMinutes(5));
  private final Decision opening =
      engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), T0);
  private final IncidentState incident = opening.state();

  @Test
  void delayedRuleWaitsAsAPendingNotification() {
    assertThat(types(opening)).containsExactly(IncidentOpened.class, NotificationRequested.class);
    assertThat(only(opening, NotificationRequested.class).getChannel()).isEqualTo(NotificationChannel.email);
    assertThat(incident.pendingNotifications()).containsExactly(new PendingNotification(minutes(5), PRIMARY, "sms",
        NotificationChannel.sms, "+14155550100", NotificationKind.incident_opened, 1));
    assertThat(incident.nextDue()).contains(minutes(5));
  }

  @Test
  void pendingNotificationIsSentWhenDue() {
    assertThat(engine.due(incident, minutes(5).minusMillis(1)).events()).isEmpty();

    Decision decision = engine.due(incident, minutes(5));

    assertThat(types(decision)).containsExactly(NotificationRequested.class);
    NotificationRequested sms = only(decision, NotificationRequested.class);
    assertThat(sms.getChannel()).isEqualTo(NotificationChannel.sms);
    assertThat(sms.getRecipient()).isEqualTo("+14155550100");
    assertThat(sms.getUserId()).isEqualTo(PRIMARY);
    assertThat(sms.getEscalationLevel()).isEqualTo(1);
    assertThat(sms.getKind()).isEqualTo(NotificationKind.incident_opened);
    assertThat(sms.getIncidentId()).isEqualTo(incident.incidentId());
    assertThat(sms.getOccurredAt()).isEqualTo(minutes(5));
    assertThat(decision.state().pendingNotifications()).isEmpty();
    assertThat(decision.state().nextEscalationAt()).isEqualTo(minutes(15));
    assertThat(decision.state().nextDue()).contains(minutes(15));
    assertThat(engine.due(decision.state(), minutes(6)).events()).isEmpty();
  }

  @Test
  void acknowledgingBeforeTheDelayDropsIt() {
    IncidentState acknowledged = engine.act(incident, action(incident, IncidentAction.acknowledge), minutes(3)).state();

    assertThat(acknowledged.pendingNotifications()).isEmpty();
    assertThat(acknowledged.nextDue()).isEmpty();
    assertThat(engine.due(acknowledged, minutes(5)).events()).isEmpty();
  }

  @Test
  void escalationSchedulesTheNextLevelsDelayedRulesFromThePage() {
    IncidentState sent = engine.due(incident, minutes(5)).state();

    Decision escalated = engine.due(sent, minutes(15));

    assertThat(escalated.state().pendingNotifications()).containsExactly(new PendingNotification(minutes(20), SECONDARY,
        "sms", NotificationChannel.sms, "+14155550199", NotificationKind.incident_escalated, 2));
    assertThat(escalated.state().nextDue()).contains(minutes(20));
  }

  @Test
  void notificationDueWhenTheEscalationFiresIsSentBeforeTheNextLevelIsPaged() {
    IncidentEngine smsAtFifteen = engineWithSmsAfter(Duration.ofMinutes(15));
    IncidentState opened = smsAtFifteen.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1),
        Optional.empty(), T0).state();

    Decision decision = smsAtFifteen.due(opened, minutes(15));

    assertThat(types(decision)).containsExactly(NotificationRequested.class, IncidentEscalated.class,
        NotificationRequested.class);
    assertThat(eventsOf(decision, NotificationRequested.class))
        .extracting(NotificationRequested::getUserId, NotificationRequested::getChannel,
            NotificationRequested::getEscalationLevel)
        .containsExactly(tuple(PRIMARY, NotificationChannel.sms, 1), tuple(SECONDARY, NotificationChannel.email, 2));
    assertThat(decision.state().pendingNotifications()).extracting(PendingNotification::userId, PendingNotification::dueAt)
        .containsExactly(tuple(SECONDARY, minutes(30)));
  }

  @Test
  void lateTimerStillSendsWhatWasDueBeforeTheEscalation() {
    Decision late = engine.due(incident, minutes(20));

    assertThat(types(late)).containsExactly(NotificationRequested.class, IncidentEscalated.class,
        NotificationRequested.class);
    assertThat(eventsOf(late, NotificationRequested.class))
        .extracting(NotificationRequested::getUserId, NotificationRequested::getChannel)
        .containsExactly(tuple(PRIMARY, NotificationChannel.sms), tuple(SECONDARY, NotificationChannel.email));
    assertThat(late.state().nextEscalationAt()).isEqualTo(minutes(30));
  }

  @Test
  void lateTimerDropsWhatWouldOnlyHaveBeenDueAfterTheEscalation() {
    IncidentEngine smsAtSeventeen = engineWithSmsAfter(Duration.ofMinutes(17));
    IncidentState opened = smsAtSeventeen.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1),
        Optional.empty(), T0).state();

    Decision late = smsAtSeventeen.due(opened, minutes(20));

    assertThat(eventsOf(late, NotificationRequested.class)).extracting(NotificationRequested::getUserId)
        .containsExactly(SECONDARY);
    assertThat(late.state().pendingNotifications()).extracting(PendingNotification::userId).containsExactly(SECONDARY);
  }
}
