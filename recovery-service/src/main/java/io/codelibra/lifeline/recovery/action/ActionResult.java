package io.codelibra.lifeline.recovery.action;

import java.util.Map;

/**
 * What a step produced: outputs later steps use as {@code ${steps.<name>.<output>}} (never secrets: they are recorded
 * on {@code RecoveryStepCompleted}), and a line saying what was done and observed.
 */
public record ActionResult(Map<String, String> outputs, String detail) {

  public ActionResult {
    outputs = Map.copyOf(outputs);
  }

  public static ActionResult of(String detail) {
    return new ActionResult(Map.of(), detail);
  }
}
