package io.codelibra.lifeline.failover.fault;

/**
 * Switches a region's injected fault on and off for live drills: the port behind "break the primary on purpose, watch
 * Lifeline fail over, then put it back". Locally the demo regions' fault switch, on AWS an FIS experiment template.
 *
 * <p>Every call reads the fault back from the region (or FIS) after acting, and reports what it observed; a switch
 * that did not take effect is an error, never a silently wrong {@link FaultState}. {@code inject} and {@code clear} are
 * idempotent: injecting into a region whose fault is already active, or clearing one with no active fault, changes
 * nothing and reports the current state, so a drill can be retried or cleaned up without knowing where it stopped.
 *
 * @see FaultInjectionException for a region that is not configured, a refused or failed call, or a failed read-back
 */
public interface FaultInjection {

  /** Turns the region's fault on; {@code reason} (the drill, who started it) is recorded where the adapter can. */
  FaultState inject(String region, String reason);

  /** Turns the region's fault off. */
  FaultState clear(String region);

  /** Whether the region's fault is active now, without changing it. */
  FaultState current(String region);
}
