package io.codelibra.lifeline.escalation.policy;

import io.codelibra.lifeline.runtime.yaml.YamlEntry;
import io.codelibra.lifeline.runtime.yaml.YamlNode;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code services} as written: only the settings it names. Whatever it leaves out is
 * taken from {@code defaults} (and what {@code defaults} leaves out from the built-in defaults).
 */
record ServiceSection(String service, YamlNode definedAt, Optional<YamlNode> policyNode, Optional<String> policy,
    Map<Severity, Urgency> urgencies, Optional<Boolean> autoResolve, Optional<Integer> groupingMinutes) {

  /** The section of one service; invalid values are reported and left out (the load then fails anyway). */
  static Optional<ServiceSection> read(YamlEntry entry) {
    String what = "service " + entry.key();
    return entry.value().fields(what, "escalation_policy", "urgency", "auto_resolve", "group_alerts_within_minutes")
        .map(fields -> new ServiceSection(entry.key(), entry.keyNode(),
            fields.optional("escalation_policy"),
            fields.optionalText("escalation_policy"),
            fields.optional("urgency").map(ServiceSection::readUrgencies).orElse(Map.of()),
            fields.optionalBool("auto_resolve"),
            // 0 switches off a grouping window inherited from defaults
            fields.optionalInteger("group_alerts_within_minutes", 0, Integer.MAX_VALUE)));
  }

  /** These settings over {@code base}: the named fields replace base's, urgencies are merged per severity. */
  ServiceSettings over(ServiceSettings base) {
    Map<Severity, Urgency> merged = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      merged.put(severity, base.urgencyOf(severity));
    }
    merged.putAll(urgencies);
    Optional<Duration> groupingWindow = groupingMinutes
        .map(minutes -> minutes == 0 ? Optional.<Duration>empty() : Optional.of(Duration.ofMinutes(minutes)))
        .orElse(base.groupingWindow());
    return new ServiceSettings(service, policy.orElse(base.escalationPolicy()), merged,
        autoResolve.orElse(base.autoResolve()), groupingWindow);
  }

  private static Map<Severity, Urgency> readUrgencies(YamlNode node) {
    Map<Severity, Urgency> urgencies = new EnumMap<>(Severity.class);
    node.entries("urgency").orElse(List.of()).forEach(entry -> {
      Optional<Severity> severity = parse(Severity.class, entry.key().toUpperCase(Locale.ROOT));
      if (severity.isEmpty()) {
        entry.keyNode().report("unknown severity '" + entry.key() + "' in urgency; expected SEV1, SEV2, SEV3 or SEV4");
      }
      Optional<Urgency> urgency = entry.value().parsed("urgency of " + entry.key(),
          word -> Urgency.valueOf(word.toLowerCase(Locale.ROOT)), "high or low");
      if (severity.isPresent() && urgency.isPresent()) {
        urgencies.put(severity.get(), urgency.get());
      }
    });
    return urgencies;
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
    try {
      return Optional.of(Enum.valueOf(type, name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
