package io.codelibra.lifeline.escalation.incident;

import static io.codelibra.lifeline.escalation.incident.IncidentInputs.T0;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.minutes;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.only;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.raised;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.types;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.MANAGER;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.POLICY;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.PRIMARY;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.EscalationReason;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.NotificationKind;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Target;
import io.codelibra.lifeline.events.TargetType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The RFC policy unacknowledged: primary, secondary after 15 minutes, manager after 15 more, then loops or stops. */
class TimeoutEscalationTest {

  private final IncidentEngine engine = RfcPolicyFixture.engine(0);
  private final IncidentState opened = open(engine);

  private static IncidentState open(IncidentEngine engine) {
    return engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), T0).state();
  }

  @Test
  void nothingFiresBeforeTheEscalationIsDue() {
    Decision early = engine.due(opened, minutes(15).minusMillis(1));

    assertThat(early.events()).isEmpty();
    assertThat(early.state()).isEqualTo(opened);
  }

  @Test
  void escalatesToSecondaryFifteenMinutesUnacknowledged() {
    Decision decision = engine.due(opened, minutes(15));

    assertThat(types(decision)).containsExactly(IncidentEscalated.class, NotificationRequested.class);
    IncidentEscalated escalated = only(decision, IncidentEscalated.class);
    assertThat(escalated.getIncidentId()).isEqualTo(opened.incidentId());
    assertThat(escalated.getLevel()).isEqualTo(2);
    assertThat(escalated.getPreviousLevel()).isEqualTo(1);
    assertThat(escalated.getLoop()).isZero();
    assertThat(escalated.getReason()).isEqualTo(EscalationReason.timeout);
    assertThat(escalated.getTargets()).containsExactly(new Target(TargetType.user_reference, SECONDARY));
    assertThat(escalated.getResolvedUserIds()).containsExactly(SECONDARY);
    assertThat(escalated.getActor().getType()).isEqualTo(ActorType.system);
    assertThat(escalated.getActor().getId()).isEqualTo("escalation-service");
    assertThat(escalated.getEscalationPolicy()).isEqualTo(POLICY);
    assertThat(escalated.getNextEscalationAt()).isEqualTo(minutes(30));
    assertThat(escalated.getOccurredAt()).isEqualTo(minutes(15));

    NotificationRequested page = only(decision, NotificationRequested.class);
    assertThat(page.getUserId()).isEqualTo(SECONDARY);
    assertThat(page.getEscalationLevel()).isEqualTo(2);
    assertThat(page.getKind()).isEqualTo(NotificationKind.incident_escalated);
    assertThat(page.getSubject()).isEqualTo("[SEV1 escalated] checkout: Checkout error rate above 5%");

    IncidentState state = decision.state();
    assertThat(state.level()).isEqualTo(1);
    assertThat(state.status()).isEqualTo(IncidentStatus.triggered);
    assertThat(state.assignedUserIds()).containsExactly(SECONDARY);
    assertThat(state.nextEscalationAt()).isEqualTo(minutes(30));
    assertThat(state.timeline().getLast()).isEqualTo(new TimelineEntry(minutes(15), "escalated", "escalation-service",
        "Escalated (timeout) to level 2: [" + SECONDARY + "]"));
  }

  @Test
  void lateTimerCountsTheNextLevelFromWhenTheEscalationWasDue() {
    Decision late = engine.due(opened, minutes(17));

    assertThat(only(late, IncidentEscalated.class).getLevel()).isEqualTo(2);
    assertThat(only(late, IncidentEscalated.class).getOccurredAt()).isEqualTo(minutes(17));
    assertThat(late.state().nextEscalationAt()).isEqualTo(minutes(30));
    assertThat(only(late, IncidentEscalated.class).getNextEscalationAt()).isEqualTo(minutes(30));
  }

  @Test
  void managerIsPagedAtThirtyMinutesAndThenNothingMoreWithoutLoops() {
    IncidentState secondary = engine.due(opened, minutes(15)).state();
    assertThat(engine.due(secondary, minutes(30).minusMillis(1)).events()).isEmpty();

    Decision toManager = engine.due(secondary, minutes(30));

    assertThat(types(toManager)).containsExactly(IncidentEscalated.class, NotificationRequested.class);
    IncidentEscalated escalated = only(toManager, IncidentEscalated.class);
    assertThat(escalated.getLevel()).isEqualTo(3);
    assertThat(escalated.getPreviousLevel()).isEqualTo(2);
    assertThat(escalated.getResolvedUserIds()).containsExactly(MANAGER);
    assertThat(escalated.getNextEscalationAt()).isNull();
    assertThat(only(toManager, NotificationRequested.class).getUserId()).isEqualTo(MANAGER);
    assertThat(only(toManager, NotificationRequested.class).getEscalationLevel()).isEqualTo(3);
    assertThat(toManager.state().nextEscalationAt()).isNull();
    assertThat(toManager.state().nextDue()).isEmpty();

    Decision muchLater = engine.due(toManager.state(), minutes(300));
    assertThat(muchLater.events()).isEmpty();
    assertThat(muchLater.state()).isEqualTo(toManager.state());
  }

  @Test
  void oneLoopPagesThePolicyTwiceThenStops() {
    IncidentEngine looping = RfcPolicyFixture.engine(1);
    IncidentState state = open(looping);
    List<String> pages = new ArrayList<>();

    while (state.nextDue().isPresent()) {
      Instant due = state.nextDue().get();
      Decision decision = looping.due(state, due);
      IncidentEscalated escalated = only(decision, IncidentEscalated.class);
      pages.add(escalated.getOccurredAt() + " level " + escalated.getLevel() + " after " + escalated.getPreviousLevel()
          + " loop " + escalated.getLoop() + " " + escalated.getResolvedUserIds() + " next "
          + escalated.getNextEscalationAt());
      state = decision.state();
    }

    assertThat(pages).containsExactly(
        minutes(15) + " level 2 after 1 loop 0 [" + SECONDARY + "] next " + minutes(30),
        minutes(30) + " level 3 after 2 loop 0 [" + MANAGER + "] next " + minutes(60),
        minutes(60) + " level 1 after 3 loop 1 [" + PRIMARY + "] next " + minutes(75),
        minutes(75) + " level 2 after 1 loop 1 [" + SECONDARY + "] next " + minutes(90),
        minutes(90) + " level 3 after 2 loop 1 [" + MANAGER + "] next null");
    assertThat(state.loop()).isEqualTo(1);
    assertThat(state.level()).isEqualTo(2);
  }

  @Test
  void secondPassNotifiesLevelOneAgainAsAnEscalation() {
    IncidentEngine looping = RfcPolicyFixture.engine(1);
    IncidentState atManager = looping.due(looping.due(open(looping), minutes(15)).state(), minutes(30)).state();

    Decision backToPrimary = looping.due(atManager, minutes(60));

    NotificationRequested page = only(backToPrimary, NotificationRequested.class);
    assertThat(page.getUserId()).isEqualTo(PRIMARY);
    assertThat(page.getEscalationLevel()).isEqualTo(1);
    assertThat(page.getKind()).isEqualTo(NotificationKind.incident_escalated);
    assertThat(backToPrimary.state().timeline().getLast().text())
        .isEqualTo("Escalated (timeout) to level 1, loop 2: [" + PRIMARY + "]");
  }

  @Test
  void lowUrgencyIncidentNeverEscalates() {
    IncidentState low = engine.raise(Optional.empty(), raised("fp-disk", "checkout", Severity.SEV3), Optional.empty(), T0)
        .state();

    Decision decision = engine.due(low, minutes(120));

    assertThat(decision.events()).isEmpty();
    assertThat(decision.state()).isEqualTo(low);
  }
}
