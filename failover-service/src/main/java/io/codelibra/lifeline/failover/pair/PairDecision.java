package io.codelibra.lifeline.failover.pair;

import java.time.Instant;

/**
 * What the pair processor decided on one operator's or drill's request: accepted (with the failover it started, if
 * any) or refused and why. The API answers with it.
 */
public record PairDecision(String requestId, boolean accepted, String failoverId, String detail, Instant decidedAt) {
}
