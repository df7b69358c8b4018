package io.codelibra.lifeline.ingest.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertmanagerFingerprintTest {

  @Test
  void matchesPrometheusLabelSetFingerprint() {
    // The test vector of prometheus/common model/signature_test.go (TestLabelToFingerprint).
    String fingerprint = AlertmanagerFingerprint.of(Map.of("name", "garland, briggs", "fear", "love is not enough"));

    assertThat(fingerprint).isEqualTo(String.format("%016x", 5799056148416392346L)).isEqualTo("507a62d79ee76c9a");
  }

  @Test
  void anEmptyLabelSetIsTheFnvOffset() {
    assertThat(AlertmanagerFingerprint.of(Map.of())).isEqualTo(String.format("%016x", 0xcbf29ce484222325L));
  }

  @Test
  void doesNotDependOnTheOrderTheLabelsCameIn() {
    Map<String, String> oneOrder = new LinkedHashMap<>();
    oneOrder.put("alertname", "Test");
    oneOrder.put("job", "prometheus24");
    Map<String, String> otherOrder = new LinkedHashMap<>();
    otherOrder.put("job", "prometheus24");
    otherOrder.put("alertname", "Test");

    assertThat(AlertmanagerFingerprint.of(oneOrder)).isEqualTo(AlertmanagerFingerprint.of(otherOrder));
  }

  @Test
  void separatesNamesFromValues() {
    assertThat(AlertmanagerFingerprint.of(Map.of("ab", "c"))).isNotEqualTo(AlertmanagerFingerprint.of(Map.of("a", "bc")));
  }
}
