package io.codelibra.lifeline.failover.region;

import java.util.List;

/** A pair's next state and what to do about it. */
public record Transition(PairState state, List<PairEffect> effects) {

  public Transition {
    effects = List.copyOf(effects);
  }

  public boolean refused() {
    return effects.stream().anyMatch(PairEffect.Refused.class::isInstance);
  }
}
