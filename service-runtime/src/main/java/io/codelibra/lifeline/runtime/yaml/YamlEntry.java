package io.codelibra.lifeline.runtime.yaml;

/** One {@code key: value} pair of a YAML mapping whose keys are data (service names, severities), not field names. */
public record YamlEntry(String key, YamlNode keyNode, YamlNode value) {
}
