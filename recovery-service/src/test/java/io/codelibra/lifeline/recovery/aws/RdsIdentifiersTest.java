package io.codelibra.lifeline.recovery.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RdsIdentifiersTest {

  @Test
  void sanitizesTheKeyIntoLettersDigitsAndSingleHyphens() {
    assertThat(RdsIdentifiers.fromKey("lifeline-", "Run_42::Restore Orders--DB/"))
        .isEqualTo("lifeline-run-42-restore-orders-db");
  }

  @Test
  void keepsLongKeysDistinctWithinTheLengthLimit() {
    String a = RdsIdentifiers.fromKey("lifeline-", "x".repeat(300) + "a");
    String b = RdsIdentifiers.fromKey("lifeline-", "x".repeat(300) + "b");

    assertThat(a).hasSizeLessThanOrEqualTo(255).isNotEqualTo(b);
    assertThat(RdsIdentifiers.isValid(a)).isTrue();
    assertThat(RdsIdentifiers.isValid(b)).isTrue();
  }

  @Test
  void rejectsIdentifiersRdsWouldReject() {
    assertThat(RdsIdentifiers.isValid("1-snapshot")).isFalse();
    assertThat(RdsIdentifiers.isValid("snap--shot")).isFalse();
    assertThat(RdsIdentifiers.isValid("snapshot-")).isFalse();
    assertThat(RdsIdentifiers.isValid("snap_shot")).isFalse();
    assertThat(RdsIdentifiers.isValid("nightly-2")).isTrue();
  }
}
