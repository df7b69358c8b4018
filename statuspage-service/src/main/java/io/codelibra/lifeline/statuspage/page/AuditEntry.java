package io.codelibra.lifeline.statuspage.page;

import java.time.Instant;

/** One administrator's (or subscriber's) change to the page and what became of it. */
public record AuditEntry(String requestId, Instant at, String actorType, String actorId, String change, String target,
    boolean applied, String outcome) {
}
