package io.codelibra.lifeline.ingest.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericAlertNormaliserTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
  private final GenericAlertNormaliser normaliser = new GenericAlertNormaliser(Clock.fixed(NOW, ZoneOffset.UTC));

  private static GenericAlert alert(String summary, String source, String severity, String dedupKey,
      Map<String, String> labels) {
    return new GenericAlert(summary, source, severity, "checkout", dedupKey, null, labels, null, null);
  }

  @Test
  void mapsSourceSeverityWordsOntoSevLevels() {
    assertThat(normaliser.normalise(alert("s", "probe", "critical", null, null)).getSeverity()).isEqualTo(Severity.SEV1);
    assertThat(normaliser.normalise(alert("s", "probe", "warning", null, null)).getSeverity()).isEqualTo(Severity.SEV3);
    assertThat(normaliser.normalise(alert("s", "probe", "sev4", null, null)).getSeverity()).isEqualTo(Severity.SEV4);
    assertThat(normaliser.normalise(alert("s", "probe", null, null, null)).getSeverity()).isEqualTo(Severity.SEV2);
  }

  @Test
  void keepsTheSendersDedupKeyAsFingerprint() {
    AlertRaised event = normaliser.normalise(alert("disk full", "host-1", "SEV2", "disk-host-1", null));

    assertThat(event.getFingerprint()).isEqualTo("disk-host-1");
    assertThat(event.getSourceType()).isEqualTo(AlertSourceType.generic);
    assertThat(event.getOccurredAt()).isEqualTo(NOW);
    assertThat(event.getService()).isEqualTo("checkout");
  }

  @Test
  void derivesTheSameFingerprintForTheSameAlertWhateverTheLabelOrder() {
    var first = normaliser.normalise(alert("p99 high", "probe", null, null, new java.util.LinkedHashMap<>(
        Map.of("a", "1"))));
    var labels = new java.util.LinkedHashMap<String, String>();
    labels.put("b", "2");
    labels.put("a", "1");
    var second = normaliser.normalise(alert("p99 high", "probe", null, null, labels));
    var third = normaliser.normalise(alert("p99 high", "probe", null, null, Map.of("a", "1", "b", "2")));

    assertThat(second.getFingerprint()).isEqualTo(third.getFingerprint()).isNotEqualTo(first.getFingerprint());
    assertThat(first.getFingerprint()).startsWith("generic:");
  }

  @Test
  void rejectsAMissingSummaryAndSourceAndAnUnknownSeverityAllAtOnce() {
    assertThatThrownBy(() -> normaliser.normalise(alert(" ", null, "urgent", null, null)))
        .isInstanceOfSatisfying(InvalidAlertException.class, e -> assertThat(e.errors()).containsExactly(
            "summary is required", "source is required",
            "severity 'urgent' is not one of SEV1..SEV4, critical, error, warning, info"));
  }

  @Test
  void rejectsASummaryLongerThan1024Characters() {
    assertThatThrownBy(() -> normaliser.normalise(alert("x".repeat(1025), "probe", null, null, null)))
        .hasMessageContaining("longer than 1024");
  }
}
