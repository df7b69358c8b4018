package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.statuspage.component.ComponentDefinitionFields;
import java.util.List;

/** The groups and components the configuration defines; the admin API can add more. */
public record PageDefinition(List<GroupDefinition> groups, List<ComponentDefinitionFields> components) {

  public PageDefinition {
    groups = List.copyOf(groups);
    components = List.copyOf(components);
  }

  /** A configured component group; position 0 = after the others. */
  public record GroupDefinition(String id, String name, String description, int position) {
  }
}
