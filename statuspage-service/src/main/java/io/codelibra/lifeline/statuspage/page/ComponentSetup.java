package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.events.StatusChangeCause;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.statuspage.component.ComponentDefinitionFields;
import io.codelibra.lifeline.statuspage.component.ComponentGroupState;
import io.codelibra.lifeline.statuspage.component.ComponentHistory;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import java.util.Objects;

/** Defining components and groups, from configuration or the admin API: new components start operational. */
final class ComponentSetup {

  private ComponentSetup() {
  }

  static void define(PageWork work, ComponentDefinitionFields fields) {
    ComponentState existing = work.page.component(fields.id()).orElse(null);
    if (existing == null) {
      ComponentState created = ComponentState.defined(fields, work.now);
      work.page.putComponent(created);
      work.page.putHistory(ComponentHistory.startingAt(created.id(), created.status(), work.now), work.now);
      work.emissions.add(work.events.componentChanged(created, null, "component created", cause(), work.actor, work.now));
    } else if (!sameDefinition(existing, fields)) {
      work.page.putComponent(existing.redefined(fields, work.now));
    }
  }

  static void defineGroup(PageWork work, PageDefinition.GroupDefinition definition) {
    ComponentGroupState existing = work.page.group(definition.id()).orElse(null);
    if (existing == null) {
      work.page.putGroup(new ComponentGroupState(definition.id(), definition.name(), definition.description(), definition.position(),
          work.now, work.now));
    } else if (!existing.name().equals(definition.name()) || existing.position() != definition.position()
        || !Objects.equals(existing.description(), definition.description())) {
      work.page.putGroup(new ComponentGroupState(definition.id(), definition.name(), definition.description(), definition.position(),
          existing.createdAt(), work.now));
    }
  }

  private static boolean sameDefinition(ComponentState existing, ComponentDefinitionFields fields) {
    return existing.name().equals(fields.name()) && Objects.equals(existing.description(), fields.description())
        && Objects.equals(existing.groupId(), fields.groupId()) && existing.position() == fields.position()
        && existing.showcase() == fields.showcase() && existing.onlyShowIfDegraded() == fields.onlyShowIfDegraded();
  }

  private static StatusChangeCause cause() {
    return StatusChangeCause.newBuilder().setType(StatusChangeCauseType.other).build();
  }
}
