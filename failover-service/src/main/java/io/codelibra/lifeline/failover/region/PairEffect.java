package io.codelibra.lifeline.failover.region;

import java.time.Duration;
import java.time.Instant;

/** What the state machine asks the world to do; the service turns each into an event or a refusal answer. */
public sealed interface PairEffect {

  /** A region turned unhealthy (raised, a critical alert) or is back (resolved). */
  record RegionAlarm(String region, boolean raised, String reason) implements PairEffect {
  }

  /** Start this failover or failback (FailoverRequested); a dry run only reports the decision. */
  record FailoverOrdered(InFlight request, String fromRegion, String toRegion, String reason, String requestedBy, boolean dryRun)
      implements PairEffect {
  }

  /** The primary stayed healthy for the whole failback window (RegionRestored). */
  record PrimaryRestored(String region, Instant healthySince, Duration window, Instant unhealthySince, boolean approvalRequired)
      implements PairEffect {
  }

  /** An input the safety rules refuse, and why. */
  record Refused(String reason) implements PairEffect {
  }
}
