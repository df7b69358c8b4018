package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.statuspage.component.ComponentGroupState;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.component.StatusRank;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The page's top level in display order: groups (with their members, in page order) and the components that
 * belong to no group, sorted by position; a group shows the worst status of its members, as on Statuspage.
 */
public record PageLayout(List<Entry> entries) {

  /** One top-level item of the page. */
  public sealed interface Entry permits Group, Single {
    int position();
  }

  /** A component group, its members and their worst status (operational when it has none). */
  public record Group(ComponentGroupState group, List<ComponentState> members, ComponentStatus status) implements Entry {
    @Override
    public int position() {
      return group.position();
    }
  }

  /** A component outside any group. */
  public record Single(ComponentState component) implements Entry {
    @Override
    public int position() {
      return component.position();
    }
  }

  public static PageLayout of(PageSnapshot snapshot) {
    Set<String> groupIds = snapshot.groups().stream().map(ComponentGroupState::id).collect(Collectors.toSet());
    List<Entry> entries = new ArrayList<>();
    for (ComponentGroupState group : snapshot.groups()) {
      List<ComponentState> members = snapshot.components().stream()
          .filter(component -> group.id().equals(component.groupId())).toList();
      entries.add(new Group(group, members, StatusRank.worst(members.stream().map(ComponentState::status).toList())));
    }
    for (ComponentState component : snapshot.components()) {
      if (component.groupId() == null || !groupIds.contains(component.groupId())) {
        entries.add(new Single(component));
      }
    }
    // Stable: equal positions keep page order; position 0 means "after the others".
    entries.sort(Comparator.comparingInt(entry -> entry.position() > 0 ? entry.position() : Integer.MAX_VALUE));
    return new PageLayout(List.copyOf(entries));
  }
}
