package io.codelibra.lifeline.recovery;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;

/** Who starts runs nobody asked for by hand: recovery-service itself (triggered and scheduled runs). */
final class RunbookActors {

  static final Actor SYSTEM = new Actor(ActorType.system, "recovery-service", null);

  private RunbookActors() {
  }
}
