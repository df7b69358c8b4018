package io.codelibra.lifeline.ingest.severity;

import io.codelibra.lifeline.events.AlertSourceType;
import io.codelibra.lifeline.events.Severity;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps each source's own severity words onto SEV1..SEV4. Every source also understands
 * {@code SEV1}..{@code SEV4} themselves. The defaults (see the module README) can be overridden and
 * extended per source with {@code lifeline.ingest.severity.<source>.<word>=SEVn}.
 */
public final class SeverityTable {

  /** What an alert gets when its source gave no severity or a word the table does not know. */
  public static final Severity FALLBACK = Severity.SEV2;

  private static final Map<String, Severity> COMMON_WORDS = Map.of(
      "critical", Severity.SEV1,
      "error", Severity.SEV2,
      "warning", Severity.SEV3,
      "info", Severity.SEV4);

  private final Map<AlertSourceType, Map<String, Severity>> bySource;

  private SeverityTable(Map<AlertSourceType, Map<String, Severity>> bySource) {
    this.bySource = bySource;
  }

  public static SeverityTable defaults() {
    Map<AlertSourceType, Map<String, Severity>> table = new EnumMap<>(AlertSourceType.class);
    for (AlertSourceType source : AlertSourceType.values()) {
      table.put(source, new HashMap<>(COMMON_WORDS));
    }
    table.get(AlertSourceType.alertmanager).putAll(Map.of(
        "page", Severity.SEV1, "high", Severity.SEV2, "major", Severity.SEV2, "minor", Severity.SEV3,
        "low", Severity.SEV4, "none", Severity.SEV4));
    table.get(AlertSourceType.cloudwatch).putAll(Map.of(
        "alarm", Severity.SEV2, "insufficient_data", Severity.SEV3));
    return new SeverityTable(table);
  }

  /** The defaults with overrides: source name (as in AlertSourceType) to word to SEV level. */
  public static SeverityTable withOverrides(Map<String, Map<String, String>> overrides) {
    SeverityTable table = defaults();
    overrides.forEach((sourceName, words) -> {
      AlertSourceType source = parseSource(sourceName);
      words.forEach((word, level) -> table.bySource.get(source).put(word.toLowerCase(Locale.ROOT), parseLevel(
          level, "lifeline.ingest.severity." + sourceName + "." + word)));
    });
    return table;
  }

  /** The SEV level for a source's word, if the table knows it. */
  public Optional<Severity> lookup(AlertSourceType source, String word) {
    if (word == null || word.isBlank()) {
      return Optional.empty();
    }
    String key = word.trim().toLowerCase(Locale.ROOT);
    for (Severity severity : Severity.values()) {
      if (severity.name().equalsIgnoreCase(key)) {
        return Optional.of(severity);
      }
    }
    return Optional.ofNullable(bySource.get(source).get(key));
  }

  /** The SEV level for a source's word, {@link #FALLBACK} when absent or unknown. */
  public Severity map(AlertSourceType source, String word) {
    return lookup(source, word).orElse(FALLBACK);
  }

  private static AlertSourceType parseSource(String name) {
    try {
      return AlertSourceType.valueOf(name.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("lifeline.ingest.severity." + name + ": unknown source; one of "
          + java.util.Arrays.toString(AlertSourceType.values()));
    }
  }

  private static Severity parseLevel(String level, String property) {
    try {
      return Severity.valueOf(level.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + "=" + level + ": not one of SEV1, SEV2, SEV3, SEV4");
    }
  }
}
