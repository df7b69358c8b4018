package io.codelibra.lifeline.schemas.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The Confluent Schema Registry compatibility levels, decided by Avro's own {@link SchemaCompatibility}.
 * BACKWARD: the new schema reads data written with the old; FORWARD: the old reads data written with
 * the new; FULL: both. TRANSITIVE variants check every earlier version, the others only the latest.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** One reason a candidate schema breaks the level against one earlier version. */
  public record Violation(int earlierIndex, String direction, String type, String location, String message) {
    @Override
    public String toString() {
      return direction + ": " + type + " at " + location + " (" + message + ")";
    }
  }

  /**
   * Every violation of this level by the candidate.
   *
   * @param earlier the earlier versions, oldest first
   */
  public List<Violation> violations(Schema candidate, List<Schema> earlier) {
    List<Violation> found = new ArrayList<>();
    int from = transitive ? 0 : Math.max(0, earlier.size() - 1);
    for (int index = from; index < earlier.size(); index++) {
      Schema old = earlier.get(index);
      if (newReadsOld) {
        collect(found, index, "BACKWARD (new schema reading old data)",
            SchemaCompatibility.checkReaderWriterCompatibility(candidate, old));
      }
      if (oldReadsNew) {
        collect(found, index, "FORWARD (old schema reading new data)",
            SchemaCompatibility.checkReaderWriterCompatibility(old, candidate));
      }
    }
    return found;
  }

  public static Optional<CompatibilityLevel> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  private static void collect(List<Violation> found, int index, String direction, SchemaPairCompatibility pair) {
    for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
      found.add(new Violation(index, direction, incompatibility.getType().name(),
          incompatibility.getLocation(), incompatibility.getMessage()));
    }
  }
}
