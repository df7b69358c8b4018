package io.codelibra.lifeline.failover.drill;

import java.time.Duration;

/**
 * How long a drill waits for each thing it expects, and the pair's policy it must know: whether the fault alone
 * should lead to a failover (automatic policy) or the drill asks for it, and whether failback waits for an approval.
 *
 * @param detectionTimeout fault injected -> region judged unhealthy
 * @param decisionTimeout judged unhealthy (or request sent) -> FailoverRequested
 * @param runTimeout FailoverRequested -> FailoverCompleted (a database promotion may take many minutes)
 * @param restoreTimeout fault cleared -> RegionRestored (includes the failback window)
 * @param procedure the failover procedure as configured (routing, database, verification), for the report
 */
public record DrillSettings(Duration detectionTimeout, Duration decisionTimeout, Duration runTimeout,
    Duration restoreTimeout, boolean automaticFailover, boolean failbackRequiresApproval, String procedure) {
}
