package io.codelibra.lifeline.schemas.compatibility;

import io.codelibra.lifeline.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * Build-time gate: every current event schema must be compatible with every released version kept
 * in the history folder. The build uses FULL_TRANSITIVE: Lifeline reads old events from the log
 * (backward) and other teams' consumers built on older classes read new events (forward), so a
 * field may be added or removed only when it has a default.
 *
 * <p>Run by the build as {@code check <history folder>}; {@code record <history folder>} stores the
 * current schemas as new versions when a release changes them.
 */
public final class SchemaHistoryCheck {

  public static final CompatibilityLevel BUILD_LEVEL = CompatibilityLevel.FULL_TRANSITIVE;

  private SchemaHistoryCheck() {
  }

  /** Every problem found, one sentence each naming the schema, the history version and the rule broken. */
  public static List<String> problems(SchemaHistory history, Collection<Schema> current, CompatibilityLevel level) {
    Map<String, Schema> currentByName = current.stream()
        .collect(Collectors.toMap(Schema::getFullName, Function.identity()));
    List<String> problems = new ArrayList<>();
    for (String released : history.recordNames()) {
      if (!currentByName.containsKey(released) && !history.versionsOf(released).isEmpty()) {
        problems.add("Schema " + released + " was released but no longer exists: removing an event type breaks "
            + "its consumers; keep the schema or deprecate it in its doc");
      }
    }
    for (Schema schema : current) {
      List<SchemaHistory.Version> versions = history.versionsOf(schema.getFullName());
      List<Schema> earlier = versions.stream().map(SchemaHistory.Version::schema).toList();
      for (CompatibilityLevel.Violation violation : level.violations(schema, earlier)) {
        SchemaHistory.Version version = versions.get(violation.earlierIndex());
        problems.add("Schema " + schema.getFullName() + " is not " + level + " compatible with released version "
            + version.number() + " (" + version.file() + "): " + violation);
      }
    }
    return problems;
  }

  public static void main(String[] args) {
    if (args.length != 2 || !List.of("check", "record").contains(args[0])) {
      throw new IllegalArgumentException("usage: SchemaHistoryCheck check|record <history folder>");
    }
    SchemaHistory history = new SchemaHistory(Path.of(args[1]));
    List<Schema> current = Topics.eventTypes().stream().map(SpecificData.get()::getSchema).toList();
    if (args[0].equals("record")) {
      current.forEach(schema -> history.recordIfChanged(schema)
          .ifPresent(file -> System.out.println("recorded " + file)));
      return;
    }
    List<String> problems = problems(history, current, BUILD_LEVEL);
    if (!problems.isEmpty()) {
      throw new IncompatibleSchemaException(problems);
    }
    System.out.println("[schema-history] " + current.size() + " event schemas are " + BUILD_LEVEL
        + " compatible with every released version in " + args[1]);
  }

  /** Thrown to fail the build; its message lists every problem. */
  public static final class IncompatibleSchemaException extends RuntimeException {
    public IncompatibleSchemaException(List<String> problems) {
      super(problems.size() + " incompatible schema change(s):" + System.lineSeparator() + "  - "
          + String.join(System.lineSeparator() + "  - ", problems));
    }
  }
}
