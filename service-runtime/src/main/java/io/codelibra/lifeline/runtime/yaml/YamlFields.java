package io.codelibra.lifeline.runtime.yaml;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The known fields of one YAML mapping, read by name; missing required fields are reported at the mapping. */
public final class YamlFields {

  private final YamlNode mapping;
  private final String what;
  private final Map<String, YamlNode> values;

  YamlFields(YamlNode mapping, String what, Map<String, YamlNode> values) {
    this.mapping = mapping;
    this.what = what;
    this.values = values;
  }

  public YamlNode node() {
    return mapping;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Optional<YamlNode> optional(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public Optional<YamlNode> required(String key) {
    Optional<YamlNode> value = optional(key);
    if (value.isEmpty()) {
      mapping.report(what + " has no " + key);
    }
    return value;
  }

  public Optional<String> requiredText(String key) {
    return required(key).flatMap(value -> value.text(key));
  }

  public Optional<String> optionalText(String key) {
    return optional(key).flatMap(value -> value.text(key));
  }

  public Optional<Integer> requiredInteger(String key, int min, int max) {
    return required(key).flatMap(value -> value.integer(key, min, max));
  }

  public Optional<Integer> optionalInteger(String key, int min, int max) {
    return optional(key).flatMap(value -> value.integer(key, min, max));
  }

  public Optional<Boolean> optionalBool(String key) {
    return optional(key).flatMap(value -> value.bool(key));
  }

  /** A list that must be present and hold at least one item. */
  public Optional<List<YamlNode>> requiredItems(String key) {
    Optional<List<YamlNode>> items = required(key).flatMap(value -> value.items(key));
    if (items.isPresent() && items.get().isEmpty()) {
      values.get(key).report(key + " must not be empty");
      return Optional.empty();
    }
    return items;
  }

  public Optional<List<YamlNode>> optionalItems(String key) {
    return optional(key).flatMap(value -> value.items(key));
  }
}
