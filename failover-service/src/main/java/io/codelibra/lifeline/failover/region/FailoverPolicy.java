package io.codelibra.lifeline.failover.region;

import java.time.Duration;

/**
 * How a pair decides: fail over on its own when the primary turns unhealthy ({@code automaticFailover}), how long the
 * primary must stay healthy before failback may start ({@code failbackWindow}, the hysteresis), and whether failback
 * then waits for an operator's approval (the default) or starts by itself.
 */
public record FailoverPolicy(boolean automaticFailover, Duration failbackWindow, boolean failbackRequiresApproval) {

  public FailoverPolicy {
    if (failbackWindow == null || failbackWindow.isNegative()) {
      throw new IllegalArgumentException("the failback window must be zero or more");
    }
  }
}
