package io.codelibra.lifeline.escalation.policy;

import io.codelibra.lifeline.runtime.yaml.YamlNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one entry of {@code escalation_policies}, in the RFC's (PagerDuty's) field names. */
final class EscalationPolicyReader {

  /** PagerDuty's limit on repeating a policy. */
  static final int MAX_LOOPS = 9;

  private final Set<String> knownScheduleIds;

  EscalationPolicyReader(Set<String> knownScheduleIds) {
    this.knownScheduleIds = Set.copyOf(knownScheduleIds);
  }

  Optional<EscalationPolicy> read(YamlNode node) {
    return node.fields("escalation policy", "name", "num_loops", "escalation_rules").flatMap(fields -> {
      Optional<String> name = fields.requiredText("name");
      Optional<Integer> numLoops = fields.has("num_loops")
          ? fields.optionalInteger("num_loops", 0, MAX_LOOPS) : Optional.of(0);
      Optional<List<EscalationRule>> rules = fields.requiredItems("escalation_rules")
          .flatMap(items -> YamlNode.readAll(items, this::readRule));
      if (name.isEmpty() || numLoops.isEmpty() || rules.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new EscalationPolicy(name.get(), rules.get(), numLoops.get()));
    });
  }

  private Optional<EscalationRule> readRule(YamlNode node) {
    return node.fields("escalation rule", "targets", "escalation_delay_in_minutes").flatMap(fields -> {
      Optional<List<PolicyTarget>> targets = fields.requiredItems("targets")
          .flatMap(items -> YamlNode.readAll(items, this::readTarget));
      Optional<Integer> delayMinutes = fields.requiredInteger("escalation_delay_in_minutes", 1, Integer.MAX_VALUE);
      if (targets.isEmpty() || delayMinutes.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new EscalationRule(targets.get(), Duration.ofMinutes(delayMinutes.get())));
    });
  }

  private Optional<PolicyTarget> readTarget(YamlNode node) {
    return node.fields("target", "type", "id").flatMap(fields -> {
      Optional<PolicyTarget.Type> type = fields.required("type")
          .flatMap(value -> value.parsed("type", PolicyTarget.Type::valueOf, "user_reference or schedule_reference"));
      Optional<YamlNode> idNode = fields.required("id");
      Optional<String> id = idNode.flatMap(value -> value.text("id"));
      if (type.isEmpty() || id.isEmpty()) {
        return Optional.empty();
      }
      if (type.get() == PolicyTarget.Type.schedule_reference && !knownScheduleIds.contains(id.get())) {
        idNode.get().report("schedule '" + id.get() + "' is not defined in the loaded schedules");
        return Optional.empty();
      }
      return Optional.of(new PolicyTarget(type.get(), id.get()));
    });
  }
}
