package io.codelibra.lifeline.runtime.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a YAML file being read, which reports what is wrong with it at its own file and line.
 * Every reader returns empty after reporting, so one pass collects all the problems of a file.
 */
public final class YamlNode {

  private final Node node;
  private final String file;
  private final YamlProblems problems;

  private YamlNode(Node node, String file, YamlProblems problems) {
    this.node = node;
    this.file = file;
    this.problems = problems;
  }

  /**
   * The root of a file, composed (not constructed) so that every node keeps its position; empty for a
   * file without content, and after reporting a YAML syntax error.
   */
  public static Optional<YamlNode> parse(YamlSource source, YamlProblems problems) {
    try {
      Node root = new Yaml().compose(new StringReader(source.content()));
      return Optional.ofNullable(root).map(node -> new YamlNode(node, source.name(), problems));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
      problems.add(source.name(), line, "invalid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      problems.add(source.name(), 1, "invalid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }

  public String file() {
    return file;
  }

  /** 1-based, as editors show it. */
  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  /** {@code file:line}, to point from one problem at another place (a first definition). */
  public String location() {
    return file + ":" + line();
  }

  public void report(String reason) {
    problems.add(file, line(), reason);
  }

  /** {@code key:} with nothing after it, {@code ~} or {@code null}. */
  public boolean isNull() {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  /**
   * The fields of this mapping. Reports unknown and duplicate keys (naming {@code what} the mapping
   * is) and returns empty when this is not a mapping; an empty node counts as an empty mapping.
   */
  public Optional<YamlFields> fields(String what, String... allowedKeys) {
    Optional<List<YamlEntry>> entries = entries(what);
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Set<String> allowed = Set.of(allowedKeys);
    Map<String, YamlNode> values = new LinkedHashMap<>();
    for (YamlEntry entry : entries.get()) {
      if (allowed.contains(entry.key())) {
        values.put(entry.key(), entry.value());
      } else {
        entry.keyNode().report("unknown key '" + entry.key() + "' in " + what + "; expected "
            + String.join(", ", allowedKeys));
      }
    }
    return Optional.of(new YamlFields(this, what, values));
  }

  /** The entries of a mapping whose keys are data; reports duplicate keys and keys that are not plain values. */
  public Optional<List<YamlEntry>> entries(String what) {
    if (isNull()) {
      return Optional.of(List.of());
    }
    if (!(node instanceof MappingNode mapping)) {
      report(what + " must be a mapping of key: value lines");
      return Optional.empty();
    }
    List<YamlEntry> entries = new ArrayList<>();
    Map<String, YamlNode> seen = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      YamlNode key = child(tuple.getKeyNode());
      if (!(tuple.getKeyNode() instanceof ScalarNode scalar) || key.isNull()) {
        key.report("a key in " + what + " must be a plain value");
        continue;
      }
      YamlNode first = seen.putIfAbsent(scalar.getValue(), key);
      if (first != null) {
        key.report("duplicate key '" + scalar.getValue() + "' in " + what + " (first at line " + first.line() + ")");
        continue;
      }
      entries.add(new YamlEntry(scalar.getValue(), key, child(tuple.getValueNode())));
    }
    return Optional.of(entries);
  }

  /** The items of this list; an empty node counts as an empty list. */
  public Optional<List<YamlNode>> items(String what) {
    if (isNull()) {
      return Optional.of(List.of());
    }
    if (!(node instanceof SequenceNode sequence)) {
      report(what + " must be a list");
      return Optional.empty();
    }
    return Optional.of(sequence.getValue().stream().map(this::child).toList());
  }

  /** A non-blank plain value, trimmed; numbers and booleans are read as their text. */
  public Optional<String> text(String what) {
    if (!(node instanceof ScalarNode scalar)) {
      report(what + " must be a single value, not a list or mapping");
      return Optional.empty();
    }
    if (isNull() || scalar.getValue().isBlank()) {
      report(what + " must not be empty");
      return Optional.empty();
    }
    return Optional.of(scalar.getValue().trim());
  }

  /** An unquoted decimal integer from {@code min} to {@code max}. */
  public Optional<Integer> integer(String what, int min, int max) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
      try {
        long value = Long.parseLong(scalar.getValue().replace("_", ""));
        if (value >= min && value <= max) {
          return Optional.of((int) value);
        }
      } catch (NumberFormatException e) {
        // an octal, hexadecimal or sexagesimal YAML integer: reported as not what we expect below
      }
    }
    report(what + " must be " + describeRange(min, max));
    return Optional.empty();
  }

  public Optional<Boolean> bool(String what) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return Optional.of(Set.of("true", "yes", "on").contains(scalar.getValue().toLowerCase(Locale.ROOT)));
    }
    report(what + " must be true or false");
    return Optional.empty();
  }

  /**
   * A value read by {@code parser}, which throws on bad input; reports
   * {@code what must be expectation, not 'value'}.
   */
  public <T> Optional<T> parsed(String what, Function<String, T> parser, String expectation) {
    return text(what).flatMap(value -> {
      try {
        return Optional.of(parser.apply(value));
      } catch (RuntimeException e) {
        report(what + " must be " + expectation + ", not '" + value + "'");
        return Optional.empty();
      }
    });
  }

  /** Reads every item, so that each one's problems are reported; empty when any item could not be read. */
  public static <T> Optional<List<T>> readAll(List<YamlNode> items, Function<YamlNode, Optional<T>> reader) {
    List<Optional<T>> read = items.stream().map(reader).toList();
    if (read.stream().anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(read.stream().map(Optional::orElseThrow).toList());
  }

  private YamlNode child(Node child) {
    return new YamlNode(child, file, problems);
  }

  private static String describeRange(int min, int max) {
    if (max != Integer.MAX_VALUE) {
      return "an integer from " + min + " to " + max;
    }
    return switch (min) {
      case 0 -> "a non-negative integer";
      case 1 -> "a positive integer";
      default -> "an integer of at least " + min;
    };
  }
}
