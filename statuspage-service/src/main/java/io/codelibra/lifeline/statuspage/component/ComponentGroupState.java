package io.codelibra.lifeline.statuspage.component;

import java.time.Instant;

/** A component group (Statuspage shows it as a component with {@code group: true} and its members' worst status). */
public record ComponentGroupState(String id, String name, String description, int position, Instant createdAt, Instant updatedAt) {
}
