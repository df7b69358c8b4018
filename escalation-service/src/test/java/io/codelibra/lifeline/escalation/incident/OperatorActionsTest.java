package io.codelibra.lifeline.escalation.incident;

import static io.codelibra.lifeline.escalation.incident.IncidentInputs.ALICE;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.T0;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.action;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.lastTimelineEntry;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.minutes;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.only;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.raised;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.request;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.types;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.MANAGER;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.PRIMARY;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.escalation.policy.EscalationCatalog;
import io.codelibra.lifeline.escalation.policy.ServiceSettings;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.EscalationReason;
import io.codelibra.lifeline.events.IncidentAcknowledged;
import io.codelibra.lifeline.events.IncidentAction;
import io.codelibra.lifeline.events.IncidentActionRequested;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.ResolutionReason;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Target;
import io.codelibra.lifeline.events.TargetType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Operators' requests from the API: acknowledge, resolve, escalate, reassign, snooze. */
class OperatorActionsTest {

  private final IncidentEngine engine = RfcPolicyFixture.engine(0);
  private final IncidentState incident =
      engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), T0).state();

  @Test
  void acknowledgeRecordsWhoAndHowLongItTook() {
    IncidentActionRequested request = request(incident, IncidentAction.acknowledge).setNote("looking").build();

    Decision decision = engine.act(incident, request, minutes(4));

    assertThat(types(decision)).containsExactly(IncidentAcknowledged.class);
    IncidentAcknowledged acknowledged = only(decision, IncidentAcknowledged.class);
    assertThat(acknowledged.getActor()).isEqualTo(ALICE);
    assertThat(acknowledged.getVia()).isEqualTo("api");
    assertThat(acknowledged.getTimeToAcknowledgeMs()).isEqualTo(Duration.ofMinutes(4).toMillis());
    assertThat(acknowledged.getLevel()).isEqualTo(1);
    assertThat(acknowledged.getNote()).isEqualTo("looking");
    assertThat(acknowledged.getAlertFingerprint()).isNull();
    assertThat(acknowledged.getSnoozedUntil()).isNull();
    IncidentState state = decision.state();
    assertThat(state.status()).isEqualTo(IncidentStatus.acknowledged);
    assertThat(state.acknowledgedAt()).isEqualTo(minutes(4));
    assertThat(state.nextEscalationAt()).isNull();
    assertThat(state.nextDue()).isEmpty();
    assertThat(lastTimelineEntry(state)).isEqualTo(new TimelineEntry(minutes(4), "acknowledged", "alice",
        "Acknowledged via api: looking"));
    assertThat(engine.due(state, minutes(15)).events()).isEmpty();
  }

  @Test
  void acknowledgingTwiceChangesNothing() {
    IncidentState acknowledged = engine.act(incident, action(incident, IncidentAction.acknowledge), minutes(4)).state();

    Decision again = engine.act(acknowledged, action(acknowledged, IncidentAction.acknowledge), minutes(5));

    assertThat(again.events()).isEmpty();
    assertThat(again.state()).isEqualTo(acknowledged);
  }

  @Test
  void resolveIsManualAndStopsEveryTimer() {
    IncidentActionRequested request = request(incident, IncidentAction.resolve).setNote("rolled back deploy").build();

    Decision decision = engine.act(incident, request, minutes(9));

    assertThat(types(decision)).containsExactly(IncidentResolved.class);
    IncidentResolved resolved = only(decision, IncidentResolved.class);
    assertThat(resolved.getReason()).isEqualTo(ResolutionReason.manual);
    assertThat(resolved.getActor()).isEqualTo(ALICE);
    assertThat(resolved.getResolution()).isEqualTo("rolled back deploy");
    assertThat(resolved.getAlertFingerprint()).isNull();
    assertThat(resolved.getTimeToResolveMs()).isEqualTo(Duration.ofMinutes(9).toMillis());
    IncidentState state = decision.state();
    assertThat(state.status()).isEqualTo(IncidentStatus.resolved);
    assertThat(state.resolvedAt()).isEqualTo(minutes(9));
    assertThat(state.nextEscalationAt()).isNull();
    assertThat(state.nextDue()).isEmpty();
    assertThat(lastTimelineEntry(state)).isEqualTo(new TimelineEntry(minutes(9), "resolved", "alice",
        "Resolved (manual): rolled back deploy"));
    assertThat(engine.due(state, minutes(15)).events()).isEmpty();
  }

  @Test
  void escalateWithoutLevelPagesTheNextLevelNowAndCountsTheFollowingOneFromNow() {
    Decision decision = engine.act(incident, request(incident, IncidentAction.escalate).setNote("need help").build(),
        minutes(5));

    assertThat(types(decision)).containsExactly(IncidentEscalated.class, NotificationRequested.class);
    IncidentEscalated escalated = only(decision, IncidentEscalated.class);
    assertThat(escalated.getLevel()).isEqualTo(2);
    assertThat(escalated.getPreviousLevel()).isEqualTo(1);
    assertThat(escalated.getReason()).isEqualTo(EscalationReason.manual);
    assertThat(escalated.getActor()).isEqualTo(ALICE);
    assertThat(escalated.getNote()).isEqualTo("need help");
    assertThat(escalated.getResolvedUserIds()).containsExactly(SECONDARY);
    assertThat(escalated.getNextEscalationAt()).isEqualTo(minutes(20));
    NotificationRequested page = only(decision, NotificationRequested.class);
    assertThat(page.getUserId()).isEqualTo(SECONDARY);
    assertThat(page.getEscalationLevel()).isEqualTo(2);
    assertThat(page.getKind()).isEqualTo(NotificationKind.incident_escalated);

    IncidentState state = decision.state();
    assertThat(state.level()).isEqualTo(1);
    assertThat(state.nextEscalationAt()).isEqualTo(minutes(20));
    assertThat(engine.due(state, minutes(15)).events()).isEmpty();
    Decision next = engine.due(state, minutes(20));
    assertThat(only(next, IncidentEscalated.class).getLevel()).isEqualTo(3);
    assertThat(only(next, IncidentEscalated.class).getReason()).isEqualTo(EscalationReason.timeout);
  }

  @Test
  void escalateToAnExplicitLevelPagesThatLevel() {
    Decision decision = engine.act(incident, request(incident, IncidentAction.escalate).setLevel(3).build(), minutes(2));

    IncidentEscalated escalated = only(decision, IncidentEscalated.class);
    assertThat(escalated.getLevel()).isEqualTo(3);
    assertThat(escalated.getPreviousLevel()).isEqualTo(1);
    assertThat(escalated.getReason()).isEqualTo(EscalationReason.manual);
    assertThat(escalated.getTargets()).containsExactly(new Target(TargetType.user_reference, MANAGER));
    assertThat(escalated.getResolvedUserIds()).containsExactly(MANAGER);
    assertThat(escalated.getNextEscalationAt()).isNull();
    assertThat(only(decision, NotificationRequested.class).getUserId()).isEqualTo(MANAGER);
    assertThat(only(decision, NotificationRequested.class).getEscalationLevel()).isEqualTo(3);
    assertThat(decision.state().level()).isEqualTo(2);
    assertThat(decision.state().nextDue()).isEmpty();
  }

  @Test
  void escalatingAnAcknowledgedIncidentTriggersItAgain() {
    IncidentState acknowledged = engine.act(incident, action(incident, IncidentAction.acknowledge), minutes(3)).state();

    Decision decision = engine.act(acknowledged, action(acknowledged, IncidentAction.escalate), minutes(6));

    assertThat(decision.state().status()).isEqualTo(IncidentStatus.triggered);
    assertThat(decision.state().acknowledgedAt()).isNull();
    assertThat(decision.state().nextEscalationAt()).isEqualTo(minutes(21));
    assertThat(only(decision, IncidentEscalated.class).getResolvedUserIds()).containsExactly(SECONDARY);
  }

  @Test
  void reassignPagesTheNamedUserAtTheCurrentLevel() {
    IncidentActionRequested request = request(incident, IncidentAction.reassign)
        .setTargets(List.of(new Target(TargetType.user_reference, "carol"))).setNote("carol owns checkout").build();

    Decision decision = engine.act(incident, request, minutes(6));

    assertThat(types(decision)).containsExactly(IncidentEscalated.class, NotificationRequested.class);
    IncidentEscalated reassigned = only(decision, IncidentEscalated.class);
    assertThat(reassigned.getReason()).isEqualTo(EscalationReason.reassign);
    assertThat(reassigned.getLevel()).isEqualTo(1);
    assertThat(reassigned.getPreviousLevel()).isEqualTo(1);
    assertThat(reassigned.getTargets()).containsExactly(new Target(TargetType.user_reference, "carol"));
    assertThat(reassigned.getResolvedUserIds()).containsExactly("carol");
    assertThat(reassigned.getActor()).isEqualTo(ALICE);
    assertThat(reassigned.getNextEscalationAt()).isEqualTo(minutes(21));
    NotificationRequested page = only(decision, NotificationRequested.class);
    assertThat(page.getUserId()).isEqualTo("carol");
    assertThat(page.getRecipient()).isEqualTo("carol@example.com");
    assertThat(page.getTarget()).isEqualTo(new Target(TargetType.user_reference, "carol"));
    assertThat(page.getKind()).isEqualTo(NotificationKind.incident_escalated);
    assertThat(page.getEscalationLevel()).isEqualTo(1);
    IncidentState state = decision.state();
    assertThat(state.assignedUserIds()).containsExactly("carol");
    assertThat(state.status()).isEqualTo(IncidentStatus.triggered);
    assertThat(lastTimelineEntry(state)).isEqualTo(new TimelineEntry(minutes(6), "reassigned", "alice",
        "Reassigned to [carol]: carol owns checkout"));
  }

  @Test
  void reassignWithoutTargetsChangesNothing() {
    Decision decision = engine.act(incident, action(incident, IncidentAction.reassign), minutes(6));

    assertThat(decision.events()).isEmpty();
    assertThat(decision.state()).isEqualTo(incident);
  }

  @Test
  void snoozeAcknowledgesUntilItEndsThenRetriggersAndEscalationResumes() {
    Decision snoozed = engine.act(incident, request(incident, IncidentAction.snooze).setSnoozeMinutes(30).build(),
        minutes(5));

    assertThat(types(snoozed)).containsExactly(IncidentAcknowledged.class);
    IncidentAcknowledged acknowledged = only(snoozed, IncidentAcknowledged.class);
    assertThat(acknowledged.getSnoozedUntil()).isEqualTo(minutes(35));
    assertThat(acknowledged.getVia()).isEqualTo("api");
    assertThat(acknowledged.getActor()).isEqualTo(ALICE);
    IncidentState asleep = snoozed.state();
    assertThat(asleep.status()).isEqualTo(IncidentStatus.acknowledged);
    assertThat(asleep.snoozedUntil()).isEqualTo(minutes(35));
    assertThat(asleep.nextEscalationAt()).isNull();
    assertThat(asleep.nextDue()).contains(minutes(35));
    assertThat(lastTimelineEntry(asleep).type()).isEqualTo("snoozed");
    assertThat(engine.due(asleep, minutes(35).minusMillis(1)).events()).isEmpty();

    Decision woken = engine.due(asleep, minutes(35));

    assertThat(types(woken)).containsExactly(IncidentEscalated.class, NotificationRequested.class);
    IncidentEscalated retriggered = only(woken, IncidentEscalated.class);
    assertThat(retriggered.getLevel()).isEqualTo(1);
    assertThat(retriggered.getPreviousLevel()).isNull();
    assertThat(retriggered.getReason()).isEqualTo(EscalationReason.timeout);
    assertThat(retriggered.getActor().getType()).isEqualTo(ActorType.system);
    assertThat(retriggered.getNote()).isEqualTo("snooze ended");
    assertThat(retriggered.getResolvedUserIds()).containsExactly(PRIMARY);
    assertThat(retriggered.getNextEscalationAt()).isEqualTo(minutes(50));
    NotificationRequested reminder = only(woken, NotificationRequested.class);
    assertThat(reminder.getKind()).isEqualTo(NotificationKind.reminder);
    assertThat(reminder.getUserId()).isEqualTo(PRIMARY);
    assertThat(reminder.getEscalationLevel()).isEqualTo(1);
    assertThat(reminder.getSubject()).startsWith("[SEV1 reminder] checkout: ");
    IncidentState awake = woken.state();
    assertThat(awake.status()).isEqualTo(IncidentStatus.triggered);
    assertThat(awake.snoozedUntil()).isNull();
    assertThat(awake.acknowledgedAt()).isNull();
    assertThat(awake.nextDue()).contains(minutes(50));
    assertThat(awake.timeline()).extracting(TimelineEntry::type).endsWith("snoozed", "snooze_ended", "escalated");

    Decision resumed = engine.due(awake, minutes(50));
    assertThat(only(resumed, IncidentEscalated.class).getLevel()).isEqualTo(2);
    assertThat(only(resumed, IncidentEscalated.class).getPreviousLevel()).isEqualTo(1);
    assertThat(only(resumed, NotificationRequested.class).getUserId()).isEqualTo(SECONDARY);
  }

  @Test
  void snoozeWithoutPositiveMinutesChangesNothing() {
    Decision none = engine.act(incident, action(incident, IncidentAction.snooze), minutes(5));
    Decision zero = engine.act(incident, request(incident, IncidentAction.snooze).setSnoozeMinutes(0).build(), minutes(5));

    assertThat(none.events()).isEmpty();
    assertThat(none.state()).isEqualTo(incident);
    assertThat(zero.events()).isEmpty();
    assertThat(zero.state()).isEqualTo(incident);
  }

  @Test
  void snoozeEndsWithoutPagingWhenItsPolicyIsNoLongerConfigured() {
    IncidentState asleep = engine.act(incident, request(incident, IncidentAction.snooze).setSnoozeMinutes(30).build(),
        minutes(5)).state();
    // The service restarted with the policy renamed: the stored incident still names the old one.
    EscalationCatalog renamed = new EscalationCatalog(Map.of(), Map.of(),
        new ServiceSettings("defaults", "Renamed policy", Map.of(), true, Optional.empty()));
    IncidentEngine restarted = RfcPolicyFixture.engine(renamed, RfcPolicyFixture.emailEveryone(),
        RfcPolicyFixture.noSchedules());

    Decision woken = restarted.due(asleep, minutes(35));

    assertThat(woken.events()).isEmpty();
    assertThat(woken.state().status()).isEqualTo(IncidentStatus.triggered);
    assertThat(woken.state().snoozedUntil()).isNull();
    assertThat(woken.state().nextDue()).isEmpty();
    assertThat(lastTimelineEntry(woken.state()).type()).isEqualTo("snooze_ended");
  }

  @ParameterizedTest
  @EnumSource(IncidentAction.class)
  void actionsOnAResolvedIncidentChangeNothing(IncidentAction action) {
    IncidentState resolved = engine.act(incident, action(incident, IncidentAction.resolve), minutes(9)).state();
    IncidentActionRequested request = request(resolved, action).setLevel(2).setSnoozeMinutes(30)
        .setTargets(List.of(new Target(TargetType.user_reference, "carol"))).build();

    Decision decision = engine.act(resolved, request, minutes(10));

    assertThat(decision.events()).isEmpty();
    assertThat(decision.state()).isEqualTo(resolved);
  }

  @Test
  void unknownActionChangesNothing() {
    Decision decision = engine.act(incident, action(incident, IncidentAction.unknown), minutes(3));

    assertThat(decision.events()).isEmpty();
    assertThat(decision.state()).isEqualTo(incident);
  }
}
