package io.codelibra.lifeline.escalation.policy;

import io.codelibra.lifeline.runtime.yaml.YamlEntry;
import io.codelibra.lifeline.runtime.yaml.YamlNode;
import io.codelibra.lifeline.runtime.yaml.YamlProblems;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads escalation policy files (the RFC's {@code escalation_policies} format plus a {@code services}
 * section) into an {@link EscalationCatalog}. The sections may be spread over several files; every
 * problem of every file is reported together, as {@code file:line: reason}.
 *
 * <p>A service's section names only what differs from {@code defaults}: a missing
 * {@code escalation_policy}, {@code auto_resolve} or {@code group_alerts_within_minutes} is taken from
 * {@code defaults}, and {@code urgency} overrides single severities. Without a {@code defaults}
 * section, services not listed get the first policy in file order, auto-resolve and no grouping.
 */
public final class PolicyFiles {

  /** The key of {@code services} that holds the settings of every service not listed. */
  public static final String DEFAULTS = "defaults";

  private final EscalationPolicyReader policyReader;
  private final YamlProblems problems = new YamlProblems();
  private final Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
  private final Map<String, YamlNode> policyDefinitions = new LinkedHashMap<>();
  private final Map<String, ServiceSection> services = new LinkedHashMap<>();
  private boolean everyPolicyRead = true;
  private int policyEntries;

  private PolicyFiles(Set<String> knownScheduleIds) {
    this.policyReader = new EscalationPolicyReader(knownScheduleIds);
  }

  /**
   * The catalog of {@code files}, read in order. {@code knownScheduleIds} are the schedules a
   * {@code schedule_reference} may name; user ids are not checked.
   *
   * @throws PolicyFileException listing every problem found
   */
  public static EscalationCatalog load(List<YamlSource> files, Set<String> knownScheduleIds) {
    return new PolicyFiles(knownScheduleIds).loadAll(files);
  }

  private EscalationCatalog loadAll(List<YamlSource> files) {
    for (YamlSource file : files) {
      YamlNode.parse(file, problems).ifPresent(this::readFile);
    }
    if (policyEntries == 0) {
      String names = files.stream().map(YamlSource::name).collect(Collectors.joining(", "));
      problems.add(names.isEmpty() ? "(no policy files)" : names, "no escalation policy defined (escalation_policies)");
    }
    if (everyPolicyRead) {
      services.values().forEach(this::checkPolicyReference);
    }
    if (!problems.isEmpty()) {
      throw new PolicyFileException(problems.messages());
    }
    return catalog();
  }

  private void readFile(YamlNode root) {
    root.fields("a policy file", "escalation_policies", "services").ifPresent(fields -> {
      fields.optionalItems("escalation_policies").ifPresent(items -> items.forEach(this::addPolicy));
      fields.optional("services").flatMap(node -> node.entries("services"))
          .ifPresent(entries -> entries.forEach(this::addService));
    });
  }

  private void addPolicy(YamlNode node) {
    policyEntries++;
    Optional<EscalationPolicy> read = policyReader.read(node);
    if (read.isEmpty()) {
      everyPolicyRead = false;
      return;
    }
    EscalationPolicy policy = read.get();
    YamlNode first = policyDefinitions.putIfAbsent(policy.name(), node);
    if (first != null) {
      node.report("duplicate escalation policy name '" + policy.name() + "' (first defined at " + first.location()
          + ")");
      return;
    }
    policies.put(policy.name(), policy);
  }

  private void addService(YamlEntry entry) {
    ServiceSection.read(entry).ifPresent(section -> {
      ServiceSection first = services.putIfAbsent(section.service(), section);
      if (first != null) {
        entry.keyNode().report("duplicate service '" + section.service() + "' (first defined at "
            + first.definedAt().location() + ")");
      }
    });
  }

  private void checkPolicyReference(ServiceSection section) {
    section.policy().filter(name -> !policies.containsKey(name)).ifPresent(name -> section.policyNode().orElseThrow()
        .report("escalation_policy '" + name + "' is not defined; defined: " + String.join(", ", policies.keySet())));
  }

  private EscalationCatalog catalog() {
    ServiceSettings builtIn = new ServiceSettings(DEFAULTS, policies.keySet().iterator().next(),
        ServiceSettings.DEFAULT_URGENCIES, true, Optional.empty());
    ServiceSettings defaults = Optional.ofNullable(services.get(DEFAULTS)).map(section -> section.over(builtIn))
        .orElse(builtIn);
    Map<String, ServiceSettings> settings = new LinkedHashMap<>();
    services.values().stream().filter(section -> !section.service().equals(DEFAULTS))
        .forEach(section -> settings.put(section.service(), section.over(defaults)));
    return new EscalationCatalog(policies, settings, defaults);
  }
}
