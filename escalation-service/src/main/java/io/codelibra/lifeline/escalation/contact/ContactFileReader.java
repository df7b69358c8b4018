package io.codelibra.lifeline.escalation.contact;

import io.codelibra.lifeline.runtime.yaml.YamlFields;
import io.codelibra.lifeline.runtime.yaml.YamlNode;
import io.codelibra.lifeline.runtime.yaml.YamlProblems;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads contact files in a PagerDuty-like format: {@code users[]} with {@code contact_methods[]} and
 * {@code notification_rules[]}. Collects every problem of every file before failing, so one run shows them all.
 */
public final class ContactFileReader {

  private static final String TYPES = Arrays.stream(ContactMethodType.values()).map(Enum::name)
      .collect(Collectors.joining(", "));

  private final YamlProblems problems = new YamlProblems();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, YamlNode> userIds = new LinkedHashMap<>();
  private final List<User> users = new ArrayList<>();

  private ContactFileReader() {
  }

  /** @throws ContactFileException listing every problem, as {@code file:line: reason} */
  public static ContactBook read(YamlSource... sources) {
    return read(List.of(sources));
  }

  /** @throws ContactFileException listing every problem, as {@code file:line: reason} */
  public static ContactBook read(List<YamlSource> sources) {
    ContactFileReader reader = new ContactFileReader();
    sources.forEach(reader::readFile);
    if (!reader.problems.isEmpty()) {
      throw new ContactFileException(reader.problems.messages());
    }
    return new ContactBook(reader.users, reader.warnings);
  }

  private void readFile(YamlSource source) {
    int before = problems.messages().size();
    Optional<YamlNode> root = YamlNode.parse(source, problems);
    if (root.isEmpty()) {
      if (problems.messages().size() == before) {
        problems.add(source.name(), 1, "the contact file is empty; expected users:");
      }
      return;
    }
    root.flatMap(node -> node.fields("contact file", "users"))
        .flatMap(file -> file.requiredItems("users"))
        .ifPresent(items -> items.forEach(this::readUser));
  }

  private void readUser(YamlNode node) {
    Optional<YamlFields> fields = node.fields("user", "id", "name", "contact_methods", "notification_rules");
    if (fields.isEmpty()) {
      return;
    }
    Optional<String> id = fields.get().requiredText("id");
    Optional<String> name = fields.get().optionalText("name");
    List<ContactMethod> methods = new ArrayList<>();
    Map<String, YamlNode> methodIds = new LinkedHashMap<>();
    fields.get().optionalItems("contact_methods").ifPresent(items -> items.forEach(item ->
        readContactMethod(item, id.orElse("?"), methodIds).ifPresent(methods::add)));
    List<NotificationRule> rules = new ArrayList<>();
    fields.get().optionalItems("notification_rules").ifPresent(items -> items.forEach(item ->
        readRule(item, id.orElse("?"), methodIds.keySet()).ifPresent(rules::add)));
    if (id.isEmpty()) {
      return;
    }
    YamlNode first = userIds.putIfAbsent(id.get(), node);
    if (first != null) {
      node.report("duplicate user id '" + id.get() + "' (first at " + first.location() + ")");
      return;
    }
    if (rules.isEmpty()) {
      warnings.add(node.location() + ": user '" + id.get() + "' has no notification_rules: paging them notifies nobody");
    }
    users.add(new User(id.get(), name.orElse(null), methods, rules));
  }

  private Optional<ContactMethod> readContactMethod(YamlNode node, String userId, Map<String, YamlNode> methodIds) {
    Optional<YamlFields> fields = node.fields("contact method", "id", "type", "address");
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> id = fields.get().requiredText("id");
    Optional<ContactMethodType> type = fields.get().required("type")
        .flatMap(value -> value.parsed("type", ContactMethodType::valueOf, "one of " + TYPES));
    Optional<YamlNode> addressNode = fields.get().required("address");
    Optional<String> address = addressNode.flatMap(value -> value.text("address"));
    if (id.isPresent()) {
      YamlNode first = methodIds.putIfAbsent(id.get(), node);
      if (first != null) {
        node.report("duplicate contact method id '" + id.get() + "' of user '" + userId + "' (first at line "
            + first.line() + ")");
        return Optional.empty();
      }
    }
    if (type.isPresent() && address.isPresent()) {
      Optional<String> problem = ContactAddress.problem(type.get(), address.get());
      if (problem.isPresent()) {
        addressNode.get().report(problem.get());
        return Optional.empty();
      }
      if (!type.get().hasDeliveryAdapter()) {
        warnings.add(node.location() + ": contact method '" + id.orElse("?") + "' of user '" + userId + "' is "
            + type.get() + ", which no notifier adapter delivers yet: its notifications will be recorded as failed");
      }
    }
    if (id.isEmpty() || type.isEmpty() || address.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ContactMethod(id.get(), type.get(), address.get()));
  }

  private Optional<NotificationRule> readRule(YamlNode node, String userId, Set<String> methodIds) {
    Optional<YamlFields> fields = node.fields("notification rule", "contact_method", "start_delay_in_minutes",
        "urgency");
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlNode> methodNode = fields.get().required("contact_method");
    Optional<String> methodId = methodNode.flatMap(value -> value.text("contact_method"));
    Optional<Integer> delay = fields.get().requiredInteger("start_delay_in_minutes", 0, Integer.MAX_VALUE);
    Optional<RuleUrgency> urgency = fields.get().optional("urgency")
        .map(value -> value.parsed("urgency", RuleUrgency::valueOf, "high, low or any"))
        .orElseGet(() -> Optional.of(RuleUrgency.any));
    if (methodId.isPresent() && !methodIds.contains(methodId.get())) {
      methodNode.get().report("notification rule refers to contact method '" + methodId.get()
          + "', which user '" + userId + "' does not have"
          + (methodIds.isEmpty() ? " (it has none)" : "; known: " + String.join(", ", methodIds)));
      return Optional.empty();
    }
    if (methodId.isEmpty() || delay.isEmpty() || urgency.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new NotificationRule(methodId.get(), Duration.ofMinutes(delay.get()), urgency.get()));
  }
}
