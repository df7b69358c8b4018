package io.codelibra.lifeline.recovery.runbook;

import java.time.Duration;

/** A runbook's recovery objectives; the DR plan's defaults are RTO 4 h and RPO 1 h. */
public record Objectives(Duration rto, Duration rpo) {

  public static final Objectives DR_PLAN = new Objectives(Duration.ofHours(4), Duration.ofHours(1));
}
