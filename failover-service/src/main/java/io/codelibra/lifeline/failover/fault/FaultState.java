package io.codelibra.lifeline.failover.fault;

import java.util.Objects;

/**
 * A region's injected fault as last observed: whether it is active, the handle of what injects it (the FIS experiment
 * id; {@code null} for the demo regions' switch, or when nothing runs) and what was observed, for the drill's report.
 */
public record FaultState(String region, boolean active, String handle, String observed) {

  public FaultState {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(observed, "observed");
  }
}
