package io.codelibra.lifeline.statuspage.component;

/** What defines a component, from configuration or the admin API; position 0 = after the others. */
public record ComponentDefinitionFields(
    String id, String name, String description, String groupId, int position, boolean showcase, boolean onlyShowIfDegraded) {
}
