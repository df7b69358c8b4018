package io.codelibra.lifeline.registry.state;

import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel;
import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;

/**
 * Decides whether a candidate schema may follow a subject's earlier versions, by the subject's
 * {@link CompatibilityLevel} (Avro's own {@code SchemaCompatibility}), and words every violation the
 * way Confluent's registry does in its 409 details and verbose compatibility answers.
 */
public final class CompatibilityCheck {

  private CompatibilityCheck() {
  }

  /**
   * The violations of {@code level} by {@code candidate}, as Confluent-style messages; empty when compatible.
   *
   * @param earlier the earlier versions, oldest first; non-transitive levels look only at the last one
   * @param schemaOf the parsed form of an earlier version
   */
  public static List<String> messages(CompatibilityLevel level, Schema candidate, List<SchemaEntry> earlier,
      Function<SchemaEntry, Schema> schemaOf) {
    List<Schema> earlierSchemas = earlier.stream().map(schemaOf).toList();
    Map<Integer, List<Violation>> byVersion = new LinkedHashMap<>();
    for (Violation violation : level.violations(candidate, earlierSchemas)) {
      byVersion.computeIfAbsent(violation.earlierIndex(), index -> new ArrayList<>()).add(violation);
    }
    List<String> messages = new ArrayList<>();
    byVersion.forEach((index, violations) -> {
      for (Violation violation : violations) {
        messages.add("{errorType:'" + violation.type() + "', description:'" + violation.direction()
            + " at path '" + violation.location() + "'', additionalInfo:'" + violation.message() + "'}");
      }
      SchemaEntry old = earlier.get(index);
      messages.add("{oldSchemaVersion: " + old.version() + "}");
      messages.add("{oldSchema: '" + old.schema() + "'}");
    });
    if (!messages.isEmpty()) {
      messages.add("{compatibility: '" + level.name() + "'}");
    }
    return messages;
  }
}
