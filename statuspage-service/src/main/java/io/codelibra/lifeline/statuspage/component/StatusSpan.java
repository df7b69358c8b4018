package io.codelibra.lifeline.statuspage.component;

import io.codelibra.lifeline.events.ComponentStatus;
import java.time.Instant;

/** A component showed {@code status} from {@code from} until the next span (or now). */
public record StatusSpan(Instant from, ComponentStatus status) {
}
