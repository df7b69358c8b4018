package io.codelibra.lifeline.ingest.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeverityTableTest {

  private final SeverityTable defaults = SeverityTable.defaults();

  @Test
  void mapsEverySourcesCommonWordsAndSevLevels() {
    assertThat(defaults.map(AlertSourceType.pagerduty, "critical")).isEqualTo(Severity.SEV1);
    assertThat(defaults.map(AlertSourceType.pagerduty, "error")).isEqualTo(Severity.SEV2);
    assertThat(defaults.map(AlertSourceType.alertmanager, "Warning")).isEqualTo(Severity.SEV3);
    assertThat(defaults.map(AlertSourceType.generic, "info")).isEqualTo(Severity.SEV4);
    assertThat(defaults.map(AlertSourceType.kafka, "sev3")).isEqualTo(Severity.SEV3);
  }

  @Test
  void knowsSourceSpecificWords() {
    assertThat(defaults.map(AlertSourceType.alertmanager, "page")).isEqualTo(Severity.SEV1);
    assertThat(defaults.map(AlertSourceType.cloudwatch, "ALARM")).isEqualTo(Severity.SEV2);
    assertThat(defaults.map(AlertSourceType.cloudwatch, "INSUFFICIENT_DATA")).isEqualTo(Severity.SEV3);
    assertThat(defaults.lookup(AlertSourceType.pagerduty, "page")).isEmpty();
  }

  @Test
  void unknownOrMissingWordsFallBackToSev2() {
    assertThat(defaults.map(AlertSourceType.alertmanager, "catastrophic")).isEqualTo(SeverityTable.FALLBACK);
    assertThat(defaults.map(AlertSourceType.alertmanager, null)).isEqualTo(Severity.SEV2);
  }

  @Test
  void overridesChangeAndExtendOneSourceOnly() {
    SeverityTable table = SeverityTable.withOverrides(Map.of("alertmanager", Map.of("warning", "SEV2", "disaster", "sev1")));

    assertThat(table.map(AlertSourceType.alertmanager, "warning")).isEqualTo(Severity.SEV2);
    assertThat(table.map(AlertSourceType.alertmanager, "disaster")).isEqualTo(Severity.SEV1);
    assertThat(table.map(AlertSourceType.pagerduty, "warning")).isEqualTo(Severity.SEV3);
  }

  @Test
  void badOverridesNameThePropertyAndTheReason() {
    assertThatThrownBy(() -> SeverityTable.withOverrides(Map.of("alertmanager", Map.of("warning", "SEV5"))))
        .hasMessage("lifeline.ingest.severity.alertmanager.warning=SEV5: not one of SEV1, SEV2, SEV3, SEV4");
    assertThatThrownBy(() -> SeverityTable.withOverrides(Map.of("nagios", Map.of("warning", "SEV2"))))
        .hasMessageStartingWith("lifeline.ingest.severity.nagios: unknown source");
  }
}
