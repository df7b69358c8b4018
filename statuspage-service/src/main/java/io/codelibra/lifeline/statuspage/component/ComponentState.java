package io.codelibra.lifeline.statuspage.component;

import io.codelibra.lifeline.events.ComponentStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A public component: its definition, the status it shows, the causes automation has recorded against it
 * and an operator's override, which wins while it holds.
 */
public record ComponentState(
    String id,
    String name,
    String description,
    String groupId,
    int position,
    boolean showcase,
    boolean onlyShowIfDegraded,
    Instant createdAt,
    Instant updatedAt,
    ComponentStatus status,
    Map<String, Contribution> contributions,
    HeldStatus override) {

  public ComponentState {
    contributions = Map.copyOf(contributions == null ? Map.of() : contributions);
  }

  public static ComponentState defined(ComponentDefinitionFields fields, Instant now) {
    return new ComponentState(fields.id(), fields.name(), fields.description(), fields.groupId(), fields.position(),
        fields.showcase(), fields.onlyShowIfDegraded(), now, now, ComponentStatus.operational, Map.of(), null);
  }

  /** The status the rules give: the override while it holds, else the worst contribution, else operational. */
  public ComponentStatus derivedStatus() {
    if (override != null) {
      return override.status();
    }
    return StatusRank.worst(contributions.values().stream().map(Contribution::status).toList());
  }

  /** The contribution that explains {@link #derivedStatus()} (the worst one); null when operational. */
  public Contribution deciding() {
    Contribution deciding = null;
    for (Contribution contribution : contributions.values()) {
      if (deciding == null || StatusRank.of(contribution.status()) > StatusRank.of(deciding.status())) {
        deciding = contribution;
      }
    }
    return deciding;
  }

  public ComponentState redefined(ComponentDefinitionFields fields, Instant now) {
    return new ComponentState(id, fields.name(), fields.description(), fields.groupId(), fields.position(), fields.showcase(),
        fields.onlyShowIfDegraded(), createdAt, now, status, contributions, override);
  }

  public ComponentState withContribution(Contribution contribution) {
    Map<String, Contribution> next = new LinkedHashMap<>(contributions);
    next.put(contribution.key(), contribution);
    return new ComponentState(id, name, description, groupId, position, showcase, onlyShowIfDegraded, createdAt, updatedAt,
        status, next, override);
  }

  public ComponentState withoutContribution(String key) {
    Map<String, Contribution> next = new LinkedHashMap<>(contributions);
    next.remove(key);
    return new ComponentState(id, name, description, groupId, position, showcase, onlyShowIfDegraded, createdAt, updatedAt,
        status, next, override);
  }

  public ComponentState withOverride(HeldStatus held) {
    return new ComponentState(id, name, description, groupId, position, showcase, onlyShowIfDegraded, createdAt, updatedAt,
        status, contributions, held);
  }

  public ComponentState withStatus(ComponentStatus next, Instant now) {
    return new ComponentState(id, name, description, groupId, position, showcase, onlyShowIfDegraded, createdAt, now, next,
        contributions, override);
  }

  public ComponentState withPosition(int next) {
    return new ComponentState(id, name, description, groupId, next, showcase, onlyShowIfDegraded, createdAt, updatedAt, status,
        contributions, override);
  }
}
