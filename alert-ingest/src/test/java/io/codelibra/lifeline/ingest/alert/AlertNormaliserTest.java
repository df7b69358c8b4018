package io.codelibra.lifeline.ingest.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.AlertAcknowledged;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertResolved;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.ingest.routing.LabelMatcher;
import io.codelibra.lifeline.ingest.routing.ServiceRoutes;
import io.codelibra.lifeline.ingest.severity.SeverityTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertNormaliserTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
  private final AlertNormaliser normaliser = new AlertNormaliser(SeverityTable.defaults(),
      new ServiceRoutes(List.of(new ServiceRoutes.Route(List.of(LabelMatcher.parse("team=payments")), "payments")),
          "platform"),
      20, Clock.fixed(NOW, ZoneOffset.UTC));

  private static InboundAlert alert(AlertState state, String dedupKey, String service, Map<String, String> labels,
      String raw) {
    return new InboundAlert(AlertSourceType.alertmanager, "alertmanager:prod", "prod-am", state, dedupKey,
        "Disk almost full", "95% used", "critical", labels, Map.of("runbook", "https://runbooks/disk"),
        "https://prometheus/graph", null, null, service, raw);
  }

  @Test
  void aFiringAlertBecomesAlertRaisedWithMappedSeverityAndRoutedService() {
    NormalisedAlert normalised = normaliser.normalise(alert(AlertState.FIRING, "am:abc", null,
        Map.of("team", "payments"), null));

    AlertRaised event = (AlertRaised) normalised.event();
    assertThat(normalised.fingerprint()).isEqualTo("am:abc").isEqualTo(event.getFingerprint());
    assertThat(event.getSeverity()).isEqualTo(Severity.SEV1);
    assertThat(event.getSourceSeverity()).isEqualTo("critical");
    assertThat(event.getService()).isEqualTo("payments");
    assertThat(event.getStartsAt()).isEqualTo(NOW);
    assertThat(event.getAnnotations()).containsEntry("runbook", "https://runbooks/disk");
  }

  @Test
  void theSendersServiceWinsOverTheRoutesAndTheDefaultRouteTakesTheRest() {
    AlertRaised fixed = (AlertRaised) normaliser.normalise(alert(AlertState.FIRING, "k", "checkout",
        Map.of("team", "payments"), null)).event();
    AlertRaised unrouted = (AlertRaised) normaliser.normalise(alert(AlertState.FIRING, "k", null,
        Map.of("team", "web"), null)).event();

    assertThat(fixed.getService()).isEqualTo("checkout");
    assertThat(unrouted.getService()).isEqualTo("platform");
  }

  @Test
  void resolvedAndAcknowledgedBecomeTheirEventsWithTheSameFingerprint() {
    var resolved = normaliser.normalise(alert(AlertState.RESOLVED, "am:abc", null, Map.of(), null));
    var acknowledged = normaliser.normalise(alert(AlertState.ACKNOWLEDGED, "am:abc", null, Map.of(), null));

    assertThat(resolved.event()).isInstanceOf(AlertResolved.class);
    assertThat(((AlertResolved) resolved.event()).getEndsAt()).isEqualTo(NOW);
    assertThat(acknowledged.event()).isInstanceOfSatisfying(AlertAcknowledged.class,
        event -> assertThat(event.getActor().getId()).isEqualTo("prod-am"));
    assertThat(List.of(resolved.fingerprint(), acknowledged.fingerprint())).containsOnly("am:abc");
  }

  @Test
  void theRawPayloadIsKeptUpToTheBoundAndMarkedTruncatedBeyondIt() {
    AlertRaised small = (AlertRaised) normaliser.normalise(alert(AlertState.FIRING, "k", null, Map.of(), "{\"a\":1}"))
        .event();
    AlertRaised large = (AlertRaised) normaliser.normalise(alert(AlertState.FIRING, "k", null, Map.of(),
        "x".repeat(21))).event();

    assertThat(small.getRawPayload()).isEqualTo("{\"a\":1}");
    assertThat(small.getRawPayloadTruncated()).isFalse();
    assertThat(large.getRawPayload()).hasSize(20);
    assertThat(large.getRawPayloadTruncated()).isTrue();
  }

  @Test
  void withoutADedupKeyTheFingerprintIsDerivedAndIgnoresLabelOrder() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("a", "1");
    forward.put("b", "2");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("b", "2");
    backward.put("a", "1");

    String first = normaliser.normalise(alert(AlertState.FIRING, null, null, forward, null)).fingerprint();
    String second = normaliser.normalise(alert(AlertState.FIRING, " ", null, backward, null)).fingerprint();
    String other = normaliser.normalise(alert(AlertState.FIRING, null, null, Map.of("a", "1"), null)).fingerprint();

    assertThat(first).startsWith("alertmanager:").isEqualTo(second).isNotEqualTo(other);
  }
}
