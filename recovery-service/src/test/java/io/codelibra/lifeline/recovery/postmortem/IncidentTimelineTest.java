package io.codelibra.lifeline.recovery.postmortem;

import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.FINGERPRINT;
import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.INCIDENT;
import static io.codelibra.lifeline.recovery.postmortem.IncidentStory.PAIR;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.StepOutcome;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class IncidentTimelineTest {

  private final IncidentTimeline timeline = new IncidentTimeline();

  private List<String> types() {
    return timeline.evidence(INCIDENT).orElseThrow().events().stream().map(EventFields::type).toList();
  }

  @Test
  void alertJoinsItsIncidentByFingerprintEvenWhenReadBeforeTheIncident() {
    timeline.accept(IncidentStory.alert(1, FINGERPRINT));
    timeline.accept(IncidentStory.alert(2, "some-other-alert"));
    timeline.accept(IncidentStory.opened(1, INCIDENT, FINGERPRINT));

    List<AlertRaised> alerts = timeline.evidence(INCIDENT).orElseThrow().all(AlertRaised.class);

    assertThat(alerts).extracting(AlertRaised::getFingerprint).containsExactly(FINGERPRINT);
  }

  @Test
  void sameFingerprintFiringAfterTheResolutionBelongsToTheNextIncident() {
    timeline.accept(IncidentStory.opened(1, INCIDENT, FINGERPRINT));
    timeline.accept(IncidentStory.alert(1, FINGERPRINT));
    timeline.accept(IncidentStory.resolved(60));
    timeline.accept(IncidentStory.alert(120, FINGERPRINT));

    assertThat(timeline.evidence(INCIDENT).orElseThrow().all(AlertRaised.class))
        .extracting(AlertRaised::getOccurredAt).containsExactly(IncidentStory.at(1));
  }

  @Test
  void regionPairEventsJoinWithinTheWindowFromLeadBeforeOpeningToResolution() {
    timeline.accept(IncidentStory.unhealthy(-30, PAIR)); // before the 15 min lead
    timeline.accept(IncidentStory.unhealthy(-10, PAIR)); // inside the lead
    timeline.accept(IncidentStory.unhealthy(5, "eu-west-1/eu-central-1")); // another pair
    timeline.accept(IncidentStory.opened(1, INCIDENT, FINGERPRINT));
    timeline.accept(IncidentStory.failoverRequested(3, PAIR, null));
    timeline.accept(IncidentStory.resolved(90));
    timeline.accept(IncidentStory.unhealthy(120, PAIR)); // after the resolution

    IncidentEvidence evidence = timeline.evidence(INCIDENT).orElseThrow();

    assertThat(evidence.all(RegionHealthChanged.class)).extracting(RegionHealthChanged::getOccurredAt)
        .containsExactly(IncidentStory.at(-10));
    assertThat(evidence.all(FailoverRequested.class)).hasSize(1);
  }

  @Test
  void failoverNamingAnotherIncidentNeverJoinsButOneNamingThisIncidentAlwaysDoes() {
    timeline.accept(IncidentStory.opened(1, INCIDENT, FINGERPRINT));
    timeline.accept(IncidentStory.failoverRequested(3, PAIR, "inc-other"));
    timeline.accept(IncidentStory.failoverRequested(500, "any/pair", INCIDENT));
    timeline.accept(IncidentStory.resolved(90));

    assertThat(timeline.evidence(INCIDENT).orElseThrow().all(FailoverRequested.class))
        .extracting(FailoverRequested::getOccurredAt).containsExactly(IncidentStory.at(500));
  }

  @Test
  void wholeRecoveryRunJoinsThroughTheIncidentIdOfAnyOfItsEvents() {
    timeline.accept(IncidentStory.opened(1, INCIDENT, FINGERPRINT));
    timeline.accept(IncidentStory.step(12, "run-1", 0, "restore", StepOutcome.succeeded, null));
    timeline.accept(IncidentStory.runStarted(10, "run-1", INCIDENT));
    timeline.accept(IncidentStory.runStarted(10, "run-2", null));
    timeline.accept(IncidentStory.step(12, "run-2", 0, "restore", StepOutcome.succeeded, null));

    assertThat(types()).containsExactly("IncidentOpened", "RecoveryStarted", "RecoveryStepCompleted");
  }

  @Test
  void eventsComeOutInTimeOrderAndRedeliveriesOnce() {
    SpecificRecord alert = IncidentStory.alert(0, FINGERPRINT);
    timeline.accept(IncidentStory.resolved(90));
    timeline.accept(IncidentStory.acknowledged(4));
    timeline.accept(alert);
    timeline.accept(alert);
    timeline.accept(IncidentStory.opened(1, INCIDENT, FINGERPRINT));
    timeline.accept(IncidentStory.status(6, "We are investigating"));

    assertThat(types()).containsExactly("AlertRaised", "IncidentOpened", "IncidentAcknowledged", "StatusIncidentUpdated",
        "IncidentResolved");
  }

  @Test
  void unknownIncidentHasNoEvidence() {
    timeline.accept(IncidentStory.alert(1, FINGERPRINT));

    assertThat(timeline.evidence(INCIDENT)).isEmpty();
    assertThat(timeline.knows(INCIDENT)).isFalse();
  }

  @Test
  void keepsOnlyTheMostRecentIncidents() {
    IncidentTimeline small = new IncidentTimeline(Duration.ofMinutes(15), Duration.ZERO, 2, 10);
    small.accept(IncidentStory.opened(1, "inc-1", "a"));
    small.accept(IncidentStory.opened(2, "inc-2", "b"));
    small.accept(IncidentStory.opened(3, "inc-3", "c"));

    assertThat(small.knows("inc-1")).isFalse();
    assertThat(small.knows("inc-2")).isTrue();
    assertThat(small.knows("inc-3")).isTrue();
  }
}
