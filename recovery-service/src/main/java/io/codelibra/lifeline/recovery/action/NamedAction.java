package io.codelibra.lifeline.recovery.action;

import java.util.Set;
import java.util.function.Function;

/** An action made of its name, required parameters, a planner and an executor: for adapters of many small actions. */
public record NamedAction(String name, Set<String> requiredParameters, Function<ActionCall, String> planner,
    Function<ActionCall, ActionResult> executor) implements RecoveryAction {

  public NamedAction {
    requiredParameters = Set.copyOf(requiredParameters);
  }

  @Override
  public String plan(ActionCall call) {
    return planner.apply(call);
  }

  @Override
  public ActionResult execute(ActionCall call) {
    return executor.apply(call);
  }
}
