package io.codelibra.lifeline.statuspage.publicpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every document of the public API v2 against Statuspage's own examples (src/test/resources/publicpage, sources in
 * its README): every key of the example is there, with a value of the same JSON type, and timestamps are ISO-8601
 * with milliseconds and an offset. Values are Lifeline's own; only the shape is compared.
 */
class StatuspageCompatibilityTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern DOCUMENTED_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern OUR_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})");
  /** Statuspage writes null instead of an empty list here (an update that changed no component). */
  private static final Set<String> NULLABLE_ARRAYS = Set.of("affected_components");
  private static final List<String> FIXTURES = List.of("documented/summary.json", "documented/status.json",
      "documented/components.json", "documented/incidents.json", "documented/incidents-unresolved.json",
      "documented/scheduled-maintenances.json", "documented/scheduled-maintenances-upcoming.json",
      "documented/scheduled-maintenances-active.json", "huobi/summary.json");
  /** Keys that are null somewhere in Statuspage's examples: elsewhere a string there may be null in ours too. */
  private static final Set<String> NULLABLE = nullableKeys();

  private static final Map<String, Function<PublicApiDocuments, JsonNode>> DOCUMENTS = Map.of(
      "summary.json", PublicApiDocuments::summary,
      "status.json", PublicApiDocuments::status,
      "components.json", PublicApiDocuments::components,
      "incidents.json", PublicApiDocuments::incidents,
      "incidents-unresolved.json", PublicApiDocuments::unresolvedIncidents,
      "scheduled-maintenances.json", PublicApiDocuments::scheduledMaintenances,
      "scheduled-maintenances-upcoming.json", PublicApiDocuments::upcomingMaintenances,
      "scheduled-maintenances-active.json", PublicApiDocuments::activeMaintenances);

  private final PublicApiDocuments documents = new PublicApiDocuments(PublicPageSnapshots.outage());

  @ParameterizedTest
  @ValueSource(strings = {"summary.json", "status.json", "components.json", "incidents.json", "incidents-unresolved.json",
      "scheduled-maintenances.json", "scheduled-maintenances-upcoming.json", "scheduled-maintenances-active.json"})
  void hasEveryFieldOfStatuspagesDocumentedExampleWithTheSameType(String name) throws IOException {
    assertSameShape(fixture("documented/" + name), DOCUMENTS.get(name).apply(documents), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"summary.json"})
  void hasEveryFieldOfTodaysStatuspageSummary(String name) throws IOException {
    assertSameShape(fixture("huobi/" + name), DOCUMENTS.get(name).apply(documents), "huobi " + name);
  }

  private static Set<String> nullableKeys() {
    Set<String> keys = new TreeSet<>();
    for (String fixture : FIXTURES) {
      try {
        collectNullKeys(fixture(fixture), keys);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return keys;
  }

  private static void collectNullKeys(JsonNode node, Set<String> keys) {
    node.propertyStream().forEach(property -> {
      if (property.getValue().isNull()) {
        keys.add(property.getKey());
      }
    });
    node.values().forEach(child -> collectNullKeys(child, keys));
  }

  private static JsonNode fixture(String path) throws IOException {
    try (InputStream in = StatuspageCompatibilityTest.class.getResourceAsStream("/publicpage/" + path)) {
      if (in == null) {
        throw new IOException("no fixture " + path);
      }
      return JSON.readTree(in);
    }
  }

  static void assertSameShape(JsonNode documented, JsonNode ours, String path) {
    String key = path.substring(path.lastIndexOf('.') + 1);
    if (ours.isNull() && documented.isString() && NULLABLE.contains(key)) {
      return;
    }
    if (documented.isNull()) {
      assertThat(ours.isNull() || ours.isString()).as(path + " is null or a string, was " + ours).isTrue();
    } else if (documented.isObject()) {
      assertThat(ours.isObject()).as(path + " is an object").isTrue();
      for (String name : documented.propertyNames()) {
        if (!ours.has(name)) {
          fail(path + "." + name + " is missing; has " + ours.propertyNames());
        }
        assertSameShape(documented.get(name), ours.get(name), path + "." + name);
      }
    } else if (documented.isArray()) {
      if (ours.isNull() && NULLABLE_ARRAYS.stream().anyMatch(path::endsWith)) {
        return;
      }
      assertThat(ours.isArray()).as(path + " is an array, was " + ours).isTrue();
      if (!documented.isEmpty()) {
        assertThat(ours.isEmpty()).as(path + " has elements to compare").isFalse();
      }
      for (JsonNode example : documented) {
        for (int i = 0; i < ours.size(); i++) {
          assertSameShape(example, ours.get(i), path + "[" + i + "]");
        }
      }
    } else if (documented.isString()) {
      assertThat(ours.isString()).as(path + " is a string, was " + ours).isTrue();
      if (DOCUMENTED_TIMESTAMP.matcher(documented.asString()).matches()) {
        assertThat(ours.asString()).as(path + " is a timestamp like " + documented.asString()).matches(OUR_TIMESTAMP);
      }
    } else if (documented.isIntegralNumber()) {
      assertThat(ours.isIntegralNumber()).as(path + " is an integer, was " + ours).isTrue();
    } else if (documented.isBoolean()) {
      assertThat(ours.isBoolean()).as(path + " is a boolean, was " + ours).isTrue();
    } else {
      fail(path + ": no rule for " + documented.getNodeType());
    }
  }
}
