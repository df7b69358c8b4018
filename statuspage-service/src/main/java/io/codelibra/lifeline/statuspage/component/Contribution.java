package io.codelibra.lifeline.statuspage.component;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusChangeCauseType;

/** One cause's claim on a component's status: an open incident, a region outage, a maintenance window. */
public record Contribution(ComponentStatus status, String reason, StatusChangeCauseType causeType, String causeId) {

  /** Key of a cause on a component, unique per cause: e.g. {@code incident:abc}, {@code failover:us-east-1/us-west-2}. */
  public String key() {
    return causeType + ":" + causeId;
  }
}
