package io.codelibra.lifeline.escalation.incident;

import java.time.Instant;

/** One line of an incident's timeline: what happened, when, and who did it. */
public record TimelineEntry(Instant at, String type, String actor, String text) {
}
