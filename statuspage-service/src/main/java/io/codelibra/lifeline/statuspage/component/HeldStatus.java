package io.codelibra.lifeline.statuspage.component;

import io.codelibra.lifeline.events.ComponentStatus;
import java.time.Instant;

/** An operator's manual override: the component shows {@code status} whatever automation says, until released. */
public record HeldStatus(ComponentStatus status, String reason, String actorId, Instant since) {
}
