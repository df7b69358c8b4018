package io.codelibra.lifeline.escalation.incident;

import static io.codelibra.lifeline.escalation.incident.IncidentInputs.T0;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.action;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.eventsOf;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.lastTimelineEntry;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.minutes;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.only;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.raised;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.types;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.POLICY;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.PRIMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.codelibra.lifeline.escalation.contact.ContactDirectory;
import io.codelibra.lifeline.escalation.contact.ContactPlan;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.IncidentAction;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Target;
import io.codelibra.lifeline.events.TargetType;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What an alert does when it fires: open an incident and page level 1, or join the open one. */
class IncidentOpeningTest {

  private final IncidentEngine engine = RfcPolicyFixture.engine(0);

  @Test
  void highUrgencyAlertPagesLevelOneAndSchedulesLevelTwoFifteenMinutesLater() {
    AlertRaised alert = raised("fp-checkout-errors", "checkout", Severity.SEV1);

    Decision decision = engine.raise(Optional.empty(), alert, Optional.empty(), T0);

    IncidentState incident = decision.state();
    assertThat(incident.status()).isEqualTo(IncidentStatus.triggered);
    assertThat(incident.level()).isZero();
    assertThat(incident.loop()).isZero();
    assertThat(incident.urgency()).isEqualTo(Urgency.high);
    assertThat(incident.assignedUserIds()).containsExactly(PRIMARY);
    assertThat(incident.nextEscalationAt()).isEqualTo(minutes(15));
    assertThat(incident.nextDue()).contains(minutes(15));
    assertThat(incident.routingKey()).isEqualTo("fp-checkout-errors");
    assertThat(incident.dedupKey()).isEqualTo("fp-checkout-errors");
    assertThat(incident.firingAlerts()).containsExactly("fp-checkout-errors");
    assertThat(incident.alertCount()).isEqualTo(1);
    assertThat(incident.openedAt()).isEqualTo(T0);
    assertThat(incident.policyName()).isEqualTo(POLICY);
    assertThat(lastTimelineEntry(incident)).isEqualTo(new TimelineEntry(T0, "opened", "alertmanager:prod",
        "Opened from alert fp-checkout-errors"));
    assertThat(types(decision)).containsExactly(IncidentOpened.class, NotificationRequested.class);

    IncidentOpened opened = only(decision, IncidentOpened.class);
    assertThat(opened.getIncidentId()).isEqualTo(incident.incidentId());
    assertThat(opened.getService()).isEqualTo("checkout");
    assertThat(opened.getSeverity()).isEqualTo(Severity.SEV1);
    assertThat(opened.getUrgency()).isEqualTo(Urgency.high);
    assertThat(opened.getEscalationPolicy()).isEqualTo(POLICY);
    assertThat(opened.getAssignedUserIds()).containsExactly(PRIMARY);
    assertThat(opened.getNextEscalationAt()).isEqualTo(minutes(15));
    assertThat(opened.getAlertFingerprint()).isEqualTo("fp-checkout-errors");
    assertThat(opened.getAlertEventId()).isEqualTo(alert.getEventId());
    assertThat(opened.getSuppressed()).isFalse();
    assertThat(opened.getOpenedBy().getType()).isEqualTo(ActorType.integration);
    assertThat(opened.getOpenedBy().getId()).isEqualTo("alertmanager:prod");
    assertThat(opened.getOccurredAt()).isEqualTo(T0);

    NotificationRequested page = only(decision, NotificationRequested.class);
    assertThat(page.getIncidentId()).isEqualTo(incident.incidentId());
    assertThat(page.getUserId()).isEqualTo(PRIMARY);
    assertThat(page.getRecipient()).isEqualTo("primary_on_call_user_id@example.com");
    assertThat(page.getChannel()).isEqualTo(NotificationChannel.email);
    assertThat(page.getEscalationLevel()).isEqualTo(1);
    assertThat(page.getKind()).isEqualTo(NotificationKind.incident_opened);
    assertThat(page.getTarget()).isEqualTo(new Target(TargetType.user_reference, PRIMARY));
    assertThat(page.getSubject()).isEqualTo("[SEV1] checkout: Checkout error rate above 5%");
    assertThat(page.getAcknowledgeUrl())
        .isEqualTo("http://localhost:8082/api/v1/incidents/" + incident.incidentId() + "/acknowledge");
  }

  @Test
  void sendsOneNotificationPerContactPlanOfThePagedUserInPlanOrder() {
    ContactDirectory pushAndEmail = new ContactDirectory() {
      @Override
      public List<ContactPlan> contactPlan(String userId, Urgency urgency) {
        return List.of(new ContactPlan("phone", NotificationChannel.push, "device-" + userId, Duration.ZERO),
            new ContactPlan("work-mail", NotificationChannel.email, userId + "@codelibra.io", Duration.ZERO));
      }
    };
    IncidentEngine twoChannels = RfcPolicyFixture.engine(RfcPolicyFixture.catalog(0, Map.of()), pushAndEmail,
        RfcPolicyFixture.noSchedules());

    Decision decision = twoChannels.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV2), Optional.empty(), T0);

    assertThat(types(decision)).containsExactly(IncidentOpened.class, NotificationRequested.class,
        NotificationRequested.class);
    assertThat(eventsOf(decision, NotificationRequested.class))
        .extracting(NotificationRequested::getChannel, NotificationRequested::getRecipient,
            NotificationRequested::getUserId, NotificationRequested::getEscalationLevel)
        .containsExactly(
            tuple(NotificationChannel.push, "device-" + PRIMARY, PRIMARY, 1),
            tuple(NotificationChannel.email, PRIMARY + "@codelibra.io", PRIMARY, 1));
    assertThat(decision.state().pendingNotifications()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = Severity.class, names = {"SEV3", "SEV4"})
  void lowUrgencySeveritiesNotifyWithoutEscalating(Severity severity) {
    Decision decision = engine.raise(Optional.empty(), raised("fp-disk", "checkout", severity), Optional.empty(), T0);

    assertThat(decision.state().urgency()).isEqualTo(Urgency.low);
    assertThat(decision.state().nextEscalationAt()).isNull();
    assertThat(decision.state().nextDue()).isEmpty();
    assertThat(types(decision)).containsExactly(IncidentOpened.class, NotificationRequested.class);
    assertThat(only(decision, IncidentOpened.class).getNextEscalationAt()).isNull();
    NotificationRequested notice = only(decision, NotificationRequested.class);
    assertThat(notice.getUrgency()).isEqualTo(Urgency.low);
    assertThat(notice.getUserId()).isEqualTo(PRIMARY);
    assertThat(notice.getSubject()).startsWith("[" + severity + "] checkout: ");
  }

  @Test
  void serviceUrgencyOverrideMakesSev3PageAndEscalate() {
    IncidentEngine payments = RfcPolicyFixture.engine(RfcPolicyFixture.catalog(0, Map.of("payments",
            RfcPolicyFixture.service("payments", Map.of(Severity.SEV3, Urgency.high), true, Optional.empty()))),
        RfcPolicyFixture.emailEveryone(), RfcPolicyFixture.noSchedules());

    Decision decision = payments.raise(Optional.empty(), raised("fp-latency", "payments", Severity.SEV3),
        Optional.empty(), T0);
    Decision elsewhere = payments.raise(Optional.empty(), raised("fp-latency", "checkout", Severity.SEV3),
        Optional.empty(), T0);

    assertThat(decision.state().urgency()).isEqualTo(Urgency.high);
    assertThat(decision.state().nextEscalationAt()).isEqualTo(minutes(15));
    assertThat(only(decision, NotificationRequested.class).getUrgency()).isEqualTo(Urgency.high);
    assertThat(elsewhere.state().urgency()).isEqualTo(Urgency.low);
    assertThat(elsewhere.state().nextEscalationAt()).isNull();
  }

  @Test
  void alertWithoutServiceBelongsToTheUnassignedService() {
    Decision decision = engine.raise(Optional.empty(), raised("fp-orphan", null, Severity.SEV2), Optional.empty(), T0);

    assertThat(decision.state().service()).isEqualTo(IncidentEngine.DEFAULT_SERVICE);
    assertThat(only(decision, IncidentOpened.class).getService()).isEqualTo("unassigned");
  }

  @Test
  void alertDuringMaintenanceOpensASuppressedIncidentThatPagesNobody() {
    Decision decision = engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.of("mw-42"), T0);

    IncidentState incident = decision.state();
    assertThat(types(decision)).containsExactly(IncidentOpened.class);
    IncidentOpened opened = only(decision, IncidentOpened.class);
    assertThat(opened.getSuppressed()).isTrue();
    assertThat(opened.getMaintenanceId()).isEqualTo("mw-42");
    assertThat(opened.getAssignedUserIds()).isEmpty();
    assertThat(opened.getNextEscalationAt()).isNull();
    assertThat(incident.suppressed()).isTrue();
    assertThat(incident.status()).isEqualTo(IncidentStatus.triggered);
    assertThat(incident.nextEscalationAt()).isNull();
    assertThat(incident.pendingNotifications()).isEmpty();
    assertThat(incident.nextDue()).isEmpty();
    assertThat(lastTimelineEntry(incident).text()).isEqualTo("Opened from alert fp-1 (suppressed: maintenance mw-42)");
    assertThat(engine.due(incident, minutes(60)).events()).isEmpty();
  }

  @Test
  void repeatOfAnOpenIncidentsAlertIsCountedAndPublishesNothing() {
    IncidentState incident = engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), T0)
        .state();

    Decision repeat = engine.raise(Optional.of(incident), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(),
        minutes(3));

    assertThat(repeat.events()).isEmpty();
    IncidentState counted = repeat.state();
    assertThat(counted.incidentId()).isEqualTo(incident.incidentId());
    assertThat(counted.alertCount()).isEqualTo(2);
    assertThat(counted.firingAlerts()).containsExactly("fp-1");
    assertThat(counted.nextEscalationAt()).isEqualTo(minutes(15));
    assertThat(counted.timeline()).hasSize(incident.timeline().size() + 1);
    assertThat(lastTimelineEntry(counted)).isEqualTo(new TimelineEntry(minutes(3), "alert_repeated", "alertmanager:prod",
        "Alert fp-1 triggered again: Checkout error rate above 5%"));
  }

  @Test
  void alertAfterItsIncidentResolvedOpensANewIncident() {
    IncidentState incident = engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), T0)
        .state();
    IncidentState resolved = engine.act(incident, action(incident, IncidentAction.resolve), minutes(10)).state();

    Decision again = engine.raise(Optional.of(resolved), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(),
        minutes(20));

    assertThat(again.state().incidentId()).isNotEqualTo(incident.incidentId());
    assertThat(again.state().alertCount()).isEqualTo(1);
    assertThat(again.state().nextEscalationAt()).isEqualTo(minutes(35));
    assertThat(types(again)).containsExactly(IncidentOpened.class, NotificationRequested.class);
  }
}
