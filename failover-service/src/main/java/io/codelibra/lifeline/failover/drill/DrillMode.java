package io.codelibra.lifeline.failover.drill;

import java.util.Arrays;
import java.util.Locale;

/** A drill's mode: a dry run decides and reports only; a live drill breaks the primary on purpose and fails over. */
public enum DrillMode {
  DRY_RUN("dry-run"),
  LIVE("live");

  private final String value;

  DrillMode(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** The mode named {@code value} ({@code dry-run} or {@code live}). */
  public static DrillMode of(String value) {
    String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(mode -> mode.value.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("mode must be dry-run or live, not '" + value + "'"));
  }
}
