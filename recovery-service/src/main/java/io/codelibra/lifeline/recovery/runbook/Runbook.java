package io.codelibra.lifeline.recovery.runbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An executable runbook as loaded from its YAML file: what it recovers ({@code target}, a template naming the resource
 * it acts on; one run per target at a time), the DR plan's tier, the objectives each run is measured against, default
 * parameters, what triggers it, and its steps in order. {@code version} is the file's content hash, recorded on each
 * run so a resumed run can refuse a changed runbook.
 */
public record Runbook(String id, String title, int tier, String description, String target, Objectives objectives,
    Map<String, String> parameters, List<RunbookTrigger> triggers, List<RunbookStep> steps, String file, String version) {

  public Runbook {
    parameters = Map.copyOf(parameters);
    triggers = List.copyOf(triggers);
    steps = List.copyOf(steps);
  }

  public Optional<RunbookStep> step(String name) {
    return steps.stream().filter(step -> step.name().equals(name)).findFirst();
  }

  public List<String> stepNames() {
    return steps.stream().map(RunbookStep::name).toList();
  }
}
