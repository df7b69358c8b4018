package io.codelibra.lifeline.escalation.incident;

import static io.codelibra.lifeline.escalation.incident.IncidentInputs.T0;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.lastTimelineEntry;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.minutes;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.only;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.raised;
import static io.codelibra.lifeline.escalation.incident.IncidentInputs.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A service with a grouping window: its alerts within the window join one incident, keyed by service. */
class AlertGroupingTest {

  private final IncidentEngine engine = RfcPolicyFixture.engine(RfcPolicyFixture.catalog(0, Map.of("checkout",
          RfcPolicyFixture.service("checkout", Map.of(), true, Optional.of(Duration.ofMinutes(5))))),
      RfcPolicyFixture.emailEveryone(), RfcPolicyFixture.noSchedules());

  private final IncidentState incident =
      engine.raise(Optional.empty(), raised("fp-errors", "checkout", Severity.SEV1), Optional.empty(), T0).state();

  @Test
  void groupingServiceRoutesEveryAlertByServiceAndOthersByFingerprint() {
    assertThat(engine.routingKey("fp-errors", "checkout")).isEqualTo("group:checkout");
    assertThat(engine.routingKey("fp-latency", "checkout")).isEqualTo("group:checkout");
    assertThat(engine.routingKey("fp-errors", "search")).isEqualTo("fp-errors");
    assertThat(incident.routingKey()).isEqualTo("group:checkout");
    assertThat(incident.dedupKey()).isEqualTo("fp-errors");
  }

  @Test
  void alertWithAnotherFingerprintWithinTheWindowJoinsSilently() {
    Decision joined = engine.raise(Optional.of(incident), raised("fp-latency", "checkout", Severity.SEV2),
        Optional.empty(), minutes(5));

    assertThat(joined.events()).isEmpty();
    assertThat(joined.state().incidentId()).isEqualTo(incident.incidentId());
    assertThat(joined.state().alertCount()).isEqualTo(2);
    assertThat(joined.state().firingAlerts()).containsExactlyInAnyOrder("fp-errors", "fp-latency");
    assertThat(joined.state().nextEscalationAt()).isEqualTo(minutes(15));
    assertThat(lastTimelineEntry(joined.state()).type()).isEqualTo("alert_repeated");
    assertThat(lastTimelineEntry(joined.state()).at()).isEqualTo(minutes(5));
  }

  @Test
  void alertAfterTheWindowOpensANewIncident() {
    Decision later = engine.raise(Optional.of(incident), raised("fp-latency", "checkout", Severity.SEV2),
        Optional.empty(), minutes(5).plusSeconds(1));

    assertThat(later.state().incidentId()).isNotEqualTo(incident.incidentId());
    assertThat(later.state().routingKey()).isEqualTo("group:checkout");
    assertThat(later.state().alertCount()).isEqualTo(1);
    assertThat(later.state().firingAlerts()).containsExactly("fp-latency");
    assertThat(later.state().openedAt()).isEqualTo(minutes(5).plusSeconds(1));
    assertThat(types(later)).containsExactly(IncidentOpened.class, NotificationRequested.class);
    assertThat(only(later, IncidentOpened.class).getAlertFingerprint()).isEqualTo("fp-latency");
  }
}
