package io.codelibra.lifeline.recovery.runbook;

import io.codelibra.lifeline.runtime.yaml.YamlProblems;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Checks every template of a runbook names something that will exist when the step runs: a parameter with a default
 * (or set by a trigger), the triggering event (only for runbooks with an event trigger), the run, or an output of an
 * earlier step (a step's own verification and rollback may also use its outputs).
 */
final class TemplateCheck {

  private static final Set<String> RUN_FIELDS = Set.of("run.id", "run.target", "run.runbook", "run.started-at");

  private final Runbook runbook;
  private final YamlProblems problems;
  private final Set<String> parameters = new HashSet<>();
  private final boolean eventTriggered;

  TemplateCheck(Runbook runbook, YamlProblems problems) {
    this.runbook = runbook;
    this.problems = problems;
    parameters.addAll(runbook.parameters().keySet());
    runbook.triggers().forEach(trigger -> parameters.addAll(trigger.parameters().keySet()));
    eventTriggered = runbook.triggers().stream().anyMatch(trigger -> !trigger.scheduled());
  }

  void run() {
    check(runbook.target(), Set.of(), 1, "target");
    for (RunbookTrigger trigger : runbook.triggers()) {
      trigger.parameters().forEach((name, template) -> check(template, Set.of(), trigger.line(), "trigger parameter " + name));
    }
    Set<String> earlier = new HashSet<>();
    for (RunbookStep step : runbook.steps()) {
      checkAll(step.parameters(), earlier, step.line(), "step " + step.name());
      Set<String> withItself = new HashSet<>(earlier);
      withItself.add(step.name());
      Stream.of(step.verification(), step.rollback()).filter(Objects::nonNull)
          .forEach(invocation -> checkAll(invocation.parameters(), withItself, step.line(), "step " + step.name()));
      earlier.add(step.name());
    }
  }

  private void checkAll(Map<String, String> templates, Set<String> steps, int line, String where) {
    templates.forEach((name, template) -> check(template, steps, line, where + " parameter " + name));
  }

  private void check(String template, Set<String> steps, int line, String where) {
    Matcher matcher = TemplateText.REFERENCE.matcher(template);
    while (matcher.find()) {
      String reference = matcher.group(1).strip();
      String problem = problem(reference, steps);
      if (problem != null) {
        problems.add(runbook.file(), line, where + ": ${" + reference + "} " + problem);
      }
    }
  }

  private String problem(String reference, Set<String> steps) {
    List<String> parts = List.of(reference.split("\\.", 3));
    return switch (parts.getFirst()) {
      case "params" -> parts.size() == 2 && parameters.contains(parts.get(1)) ? null
          : "names no parameter with a default (add it under parameters:)";
      case "event" -> !eventTriggered ? "is used, but no trigger of this runbook is an event"
          : parts.size() >= 2 ? null : "must name a field of the event";
      case "run" -> RUN_FIELDS.contains(reference) ? null : "is not one of " + String.join(", ", RUN_FIELDS.stream().sorted().toList());
      case "steps" -> parts.size() == 3 && steps.contains(parts.get(1)) ? null
          : "must be ${steps.<earlier step>.<output>}";
      default -> "is unknown: use ${params.*}, ${event.*}, ${run.*} or ${steps.<step>.<output>}";
    };
  }
}
