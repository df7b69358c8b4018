package io.codelibra.lifeline.escalation.incident;

import static io.codelibra.lifeline.escalation.incident.IncidentInputs.T0;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.acknowledgedAtSource;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.lastTimelineEntry;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.minutes;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.only;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.raised;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.resolvedAtSource;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.escalation.contact.ContactDirectory;
import io.codelibra.lifeline.escalation.contact.ContactPlan;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.NotificationChannel;
import io.codelibra.lifeline.events.ResolutionReason;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the alert's source acknowledging or resolving it does to its incident. */
class SourceAlertsTest {

  /** E-mail at once, SMS five minutes later, so that acknowledgements have a pending notification to drop. */
  private static final ContactDirectory EMAIL_THEN_SMS = new ContactDirectory() {
    @Override
    public List<ContactPlan> contactPlan(String userId, Urgency urgency) {
      return List.of(new ContactPlan("email", NotificationChannel.email, userId + "@example.com", Duration.ZERO),
          new ContactPlan("sms", NotificationChannel.sms, "+14155550100", Duration.ofMinutes(5)));
    }
  };

  @Test
  void sourceAcknowledgementStopsEscalationAndDropsPendingNotifications() {
    IncidentEngine engine = RfcPolicyFixture.engine(RfcPolicyFixture.catalog(0, Map.of()), EMAIL_THEN_SMS,
        RfcPolicyFixture.noSchedules());
    IncidentState incident = engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), T0)
        .state();
    assertThat(incident.pendingNotifications()).hasSize(1);

    Decision acknowledged = engine.acknowledgeFromSource(incident, acknowledgedAtSource("fp-1"), minutes(2));

    assertThat(types(acknowledged)).containsExactly(IncidentAcknowledged.class);
    IncidentAcknowledged event = only(acknowledged, IncidentAcknowledged.class);
    assertThat(event.getVia()).isEqualTo("alert");
    assertThat(event.getAlertFingerprint()).isEqualTo("fp-1");
    assertThat(event.getActor().getType()).isEqualTo(ActorType.integration);
    assertThat(event.getActor().getId()).isEqualTo("pagerduty:checkout");
    assertThat(event.getNote()).isEqualTo("taken in PagerDuty");
    assertThat(event.getLevel()).isEqualTo(1);
    assertThat(event.getTimeToAcknowledgeMs()).isEqualTo(Duration.ofMinutes(2).toMillis());
    assertThat(event.getSnoozedUntil()).isNull();

    IncidentState state = acknowledged.state();
    assertThat(state.status()).isEqualTo(IncidentStatus.acknowledged);
    assertThat(state.acknowledgedAt()).isEqualTo(minutes(2));
    assertThat(state.nextEscalationAt()).isNull();
    assertThat(state.pendingNotifications()).isEmpty();
    assertThat(state.nextDue()).isEmpty();
    assertThat(lastTimelineEntry(state)).isEqualTo(new TimelineEntry(minutes(2), "acknowledged", "pagerduty:checkout",
        "Acknowledged via alert: taken in PagerDuty"));

    assertThat(engine.due(state, minutes(5)).events()).isEmpty();
    assertThat(engine.due(state, minutes(15)).events()).isEmpty();
    assertThat(engine.due(state, minutes(15)).state()).isEqualTo(state);
  }

  @Test
  void sourceAcknowledgementOfAnAcknowledgedIncidentChangesNothing() {
    IncidentEngine engine = RfcPolicyFixture.engine(0);
    IncidentState incident = engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), T0)
        .state();
    IncidentState acknowledged = engine.acknowledgeFromSource(incident, acknowledgedAtSource("fp-1"), minutes(2)).state();

    Decision again = engine.acknowledgeFromSource(acknowledged, acknowledgedAtSource("fp-1"), minutes(3));

    assertThat(again.events()).isEmpty();
    assertThat(again.state()).isEqualTo(acknowledged);
  }

  @Test
  void autoResolveResolvesAGroupedIncidentOnlyWhenAllItsAlertsResolved() {
    IncidentEngine engine = RfcPolicyFixture.engine(RfcPolicyFixture.catalog(0, Map.of("checkout",
            RfcPolicyFixture.service("checkout", Map.of(), true, Optional.of(Duration.ofMinutes(5))))),
        RfcPolicyFixture.emailEveryone(), RfcPolicyFixture.noSchedules());
    IncidentState incident = engine.raise(Optional.empty(), raised("fp-errors", "checkout", Severity.SEV1),
        Optional.empty(), T0).state();
    incident = engine.raise(Optional.of(incident), raised("fp-latency", "checkout", Severity.SEV1), Optional.empty(),
        minutes(1)).state();

    Decision firstResolved = engine.resolveFromSource(incident, resolvedAtSource("fp-errors"), minutes(6));

    assertThat(firstResolved.events()).isEmpty();
    assertThat(firstResolved.state().status()).isEqualTo(IncidentStatus.triggered);
    assertThat(firstResolved.state().firingAlerts()).containsExactly("fp-latency");
    assertThat(firstResolved.state().nextEscalationAt()).isEqualTo(minutes(15));
    assertThat(lastTimelineEntry(firstResolved.state())).isEqualTo(new TimelineEntry(minutes(6), "alert_resolved",
        "alertmanager:prod", "Alert fp-errors resolved"));

    Decision allResolved = engine.resolveFromSource(firstResolved.state(), resolvedAtSource("fp-latency"), minutes(8));

    assertThat(types(allResolved)).containsExactly(IncidentResolved.class);
    IncidentResolved resolved = only(allResolved, IncidentResolved.class);
    assertThat(resolved.getReason()).isEqualTo(ResolutionReason.alert_resolved);
    assertThat(resolved.getAlertFingerprint()).isEqualTo("fp-latency");
    assertThat(resolved.getAlertCount()).isEqualTo(2);
    assertThat(resolved.getResolution()).isEqualTo("error rate back under 1%");
    assertThat(resolved.getTimeToResolveMs()).isEqualTo(Duration.ofMinutes(8).toMillis());
    assertThat(resolved.getActor().getType()).isEqualTo(ActorType.integration);
    assertThat(resolved.getActor().getId()).isEqualTo("alertmanager:prod");
    IncidentState state = allResolved.state();
    assertThat(state.status()).isEqualTo(IncidentStatus.resolved);
    assertThat(state.resolvedAt()).isEqualTo(minutes(8));
    assertThat(state.firingAlerts()).isEmpty();
    assertThat(state.nextEscalationAt()).isNull();
    assertThat(state.nextDue()).isEmpty();
    assertThat(lastTimelineEntry(state).type()).isEqualTo("resolved");
  }

  @Test
  void withoutAutoResolveTheSourcesResolveIsOnlyRecorded() {
    IncidentEngine engine = RfcPolicyFixture.engine(RfcPolicyFixture.catalog(0, Map.of("checkout",
            RfcPolicyFixture.service("checkout", Map.of(), false, Optional.empty()))),
        RfcPolicyFixture.emailEveryone(), RfcPolicyFixture.noSchedules());
    IncidentState incident = engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), T0)
        .state();

    Decision decision = engine.resolveFromSource(incident, resolvedAtSource("fp-1"), minutes(4));

    assertThat(decision.events()).isEmpty();
    IncidentState state = decision.state();
    assertThat(state.status()).isEqualTo(IncidentStatus.triggered);
    assertThat(state.resolvedAt()).isNull();
    assertThat(state.firingAlerts()).isEmpty();
    assertThat(state.nextEscalationAt()).isEqualTo(minutes(15));
    assertThat(state.timeline()).hasSize(incident.timeline().size() + 1);
    assertThat(lastTimelineEntry(state)).isEqualTo(new TimelineEntry(minutes(4), "alert_resolved", "alertmanager:prod",
        "Alert fp-1 resolved"));
  }

  @Test
  void sourceResolveOfAResolvedIncidentChangesNothing() {
    IncidentEngine engine = RfcPolicyFixture.engine(0);
    IncidentState incident = engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), T0)
        .state();
    IncidentState resolved = engine.resolveFromSource(incident, resolvedAtSource("fp-1"), minutes(4)).state();

    Decision again = engine.resolveFromSource(resolved, resolvedAtSource("fp-1"), minutes(5));

    assertThat(again.events()).isEmpty();
    assertThat(again.state()).isEqualTo(resolved);
  }
}
