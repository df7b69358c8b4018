package io.codelibra.lifeline.escalation.incident;

import static io.codelibra.lifeline.escalation.incident.IncidentInputs.T0;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.minutes;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.only;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.raised;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.request;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.types;
import static io.codelibra.lifeline.escalation.incident.RfcPolicyFixture.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.escalation.policy.EscalationCatalog;
import io.codelibra.lifeline.escalation.policy.EscalationPolicy;
import io.codelibra.lifeline.escalation.policy.EscalationRule;
import io.codelibra.lifeline.escalation.policy.PolicyTarget;
import io.codelibra.lifeline.escalation.policy.ServiceSettings;
import io.codelibra.lifeline.escalation.schedule.OnCallLookup;
import io.codelibra.lifeline.events.IncidentAction;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Target;
import io.codelibra.lifeline.events.TargetType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Policy rules that name an on-call schedule page whoever is on call when the level is paged. */
class ScheduleTargetsTest {

  private static final String SCHEDULE = "sre-primary";
  private static final PolicyTarget ON_CALL = new PolicyTarget(PolicyTarget.Type.schedule_reference, SCHEDULE);
  /** dave until ten past, erin after. */
  private static final Instant HANDOFF = minutes(10);

  private static final OnCallLookup DAVE_THEN_ERIN = new OnCallLookup() {
    @Override
    public List<String> onCall(String scheduleId, Instant at) {
      if (!scheduleId.equals(SCHEDULE)) {
        return List.of();
      }
      return List.of(at.isBefore(HANDOFF) ? "dave" : "erin");
    }

    @Override
    public Set<String> scheduleIds() {
      return Set.of(SCHEDULE);
    }
  };

  private static IncidentEngine engine(List<PolicyTarget> firstLevel, OnCallLookup schedules) {
    EscalationPolicy policy = new EscalationPolicy("SRE", List.of(
        new EscalationRule(firstLevel, Duration.ofMinutes(15)),
        new EscalationRule(List.of(new PolicyTarget(PolicyTarget.Type.user_reference, MANAGER)), Duration.ofMinutes(30))),
        0);
    EscalationCatalog catalog = new EscalationCatalog(Map.of("SRE", policy), Map.of(),
        new ServiceSettings("defaults", "SRE", Map.of(), true, Optional.empty()));
    return RfcPolicyFixture.engine(catalog, RfcPolicyFixture.emailEveryone(), schedules);
  }

  private static Decision open(IncidentEngine engine, Instant at) {
    return engine.raise(Optional.empty(), raised("fp-1", "checkout", Severity.SEV1), Optional.empty(), at);
  }

  @Test
  void scheduleTargetPagesWhoeverIsOnCallWhenPaged() {
    IncidentEngine engine = engine(List.of(ON_CALL), DAVE_THEN_ERIN);

    Decision beforeHandoff = open(engine, T0);
    Decision afterHandoff = open(engine, HANDOFF);

    assertThat(beforeHandoff.state().assignedUserIds()).containsExactly("dave");
    assertThat(only(beforeHandoff, IncidentOpened.class).getAssignedUserIds()).containsExactly("dave");
    NotificationRequested page = only(beforeHandoff, NotificationRequested.class);
    assertThat(page.getUserId()).isEqualTo("dave");
    assertThat(page.getTarget()).isEqualTo(new Target(TargetType.schedule_reference, SCHEDULE));
    assertThat(page.getEscalationLevel()).isEqualTo(1);
    assertThat(only(afterHandoff, NotificationRequested.class).getUserId()).isEqualTo("erin");
  }

  @Test
  void reassigningToAScheduleResolvesItAtTheTimeOfTheRequest() {
    IncidentEngine engine = engine(List.of(ON_CALL), DAVE_THEN_ERIN);
    IncidentState incident = open(engine, T0).state();

    Decision decision = engine.act(incident, request(incident, IncidentAction.reassign)
        .setTargets(List.of(new Target(TargetType.schedule_reference, SCHEDULE))).build(), minutes(12));

    IncidentEscalated reassigned = only(decision, IncidentEscalated.class);
    assertThat(reassigned.getTargets()).containsExactly(new Target(TargetType.schedule_reference, SCHEDULE));
    assertThat(reassigned.getResolvedUserIds()).containsExactly("erin");
    assertThat(only(decision, NotificationRequested.class).getUserId()).isEqualTo("erin");
  }

  @Test
  void userNamedByScheduleAndDirectlyIsPagedOnce() {
    IncidentEngine engine = engine(List.of(ON_CALL, new PolicyTarget(PolicyTarget.Type.user_reference, "dave")),
        DAVE_THEN_ERIN);

    Decision decision = open(engine, T0);

    assertThat(decision.state().assignedUserIds()).containsExactly("dave");
    assertThat(only(decision, NotificationRequested.class).getTarget())
        .isEqualTo(new Target(TargetType.schedule_reference, SCHEDULE));
  }

  @Test
  void nobodyOnCallIsRecordedAndEscalationCarriesOn() {
    IncidentEngine engine = engine(List.of(ON_CALL), RfcPolicyFixture.noSchedules());

    Decision decision = open(engine, T0);

    assertThat(types(decision)).containsExactly(IncidentOpened.class);
    assertThat(only(decision, IncidentOpened.class).getAssignedUserIds()).isEmpty();
    IncidentState incident = decision.state();
    assertThat(incident.assignedUserIds()).isEmpty();
    assertThat(incident.timeline()).filteredOn(entry -> entry.type().equals("nobody_on_call"))
        .containsExactly(new TimelineEntry(T0, "nobody_on_call", "escalation-service",
            "Level 1 resolved to nobody: [" + ON_CALL + "]"));
    assertThat(incident.nextEscalationAt()).isEqualTo(minutes(15));

    Decision next = engine.due(incident, minutes(15));
    assertThat(only(next, IncidentEscalated.class).getResolvedUserIds()).containsExactly(MANAGER);
    assertThat(only(next, NotificationRequested.class).getUserId()).isEqualTo(MANAGER);
  }
}
