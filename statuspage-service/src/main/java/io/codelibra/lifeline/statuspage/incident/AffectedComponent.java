package io.codelibra.lifeline.statuspage.incident;

import io.codelibra.lifeline.events.ComponentStatus;

/** A component's status change recorded with an incident update (Statuspage's affected_components). */
public record AffectedComponent(String code, String name, ComponentStatus oldStatus, ComponentStatus newStatus) {
}
