package io.codelibra.lifeline.recovery.run;

import java.util.LinkedHashMap;
import io.codelibra.lifeline.recovery.runbook.TemplateText;
import java.util.Map;

/**
 * Resolves a step's {@code ${...}} templates against the run: {@code ${params.*}} and {@code ${event.*}} from the
 * run's recorded parameters, {@code ${run.*}}, and {@code ${steps.<step>.<output>}} from finished steps. The runbook
 * reader already checked every reference can exist; one that still cannot be resolved (an output a step did not
 * produce) fails the step.
 */
final class StepTemplates {

  private final Map<String, String> values;

  StepTemplates(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** @param runParameters the run's parameters as recorded on RecoveryStarted ({@code name} and {@code event.<field>}) */
  static StepTemplates of(Map<String, String> runParameters, Map<String, String> run, Map<String, Map<String, String>> outputs) {
    Map<String, String> values = new LinkedHashMap<>();
    runParameters.forEach((name, value) -> values.put(name.startsWith("event.") ? name : "params." + name, value));
    run.forEach((name, value) -> values.put("run." + name, value));
    outputs.forEach((step, produced) -> produced.forEach((name, value) -> values.put("steps." + step + "." + name, value)));
    return new StepTemplates(values);
  }

  Map<String, String> resolve(Map<String, String> templates) {
    Map<String, String> resolved = new LinkedHashMap<>();
    templates.forEach((name, template) -> resolved.put(name, resolve(template)));
    return resolved;
  }

  /** For plans: what can be resolved is, the rest stays as written (e.g. an output of a step not run yet). */
  String resolveLeniently(String template) {
    return TemplateText.fill(template, values, reference -> "${" + reference + "}");
  }

  String resolve(String template) {
    return TemplateText.fill(template, values, reference -> {
      throw new UnresolvedTemplateException("${" + reference + "} has no value in this run");
    });
  }

  /** A template that cannot be resolved: fails the step without retries. */
  static final class UnresolvedTemplateException extends RuntimeException {

    UnresolvedTemplateException(String message) {
      super(message);
    }
  }
}
