package io.codelibra.lifeline.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaHistoryCheckTest {

  @TempDir
  Path history;

  private static Schema event(boolean withPriority, boolean priorityHasDefault) {
    var fields = SchemaBuilder.record("PagerTest").namespace("io.codelibra.lifeline.events").fields()
        .requiredString("eventId");
    if (withPriority) {
      fields = priorityHasDefault
          ? fields.name("priority").type().intType().intDefault(3)
          : fields.requiredInt("priority");
    }
    return fields.endRecord();
  }

  @Test
  void removingAFieldWithoutADefaultFailsNamingTheSchemaAndTheRule() {
    new SchemaHistory(history).recordIfChanged(event(true, false));

    List<String> problems = SchemaHistoryCheck.problems(new SchemaHistory(history), List.of(event(false, false)),
        SchemaHistoryCheck.BUILD_LEVEL);

    assertThat(problems).singleElement().asString()
        .contains("Schema io.codelibra.lifeline.events.PagerTest is not FULL_TRANSITIVE compatible with released version 1")
        .contains("FORWARD")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("priority");
  }

  @Test
  void addingAFieldWithoutADefaultFailsTheBackwardRule() {
    new SchemaHistory(history).recordIfChanged(event(false, false));

    List<String> problems = SchemaHistoryCheck.problems(new SchemaHistory(history), List.of(event(true, false)),
        SchemaHistoryCheck.BUILD_LEVEL);

    assertThat(problems).singleElement().asString().contains("BACKWARD").contains("READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void addingAndRemovingFieldsWithDefaultsPasses() {
    SchemaHistory kept = new SchemaHistory(history);
    kept.recordIfChanged(event(false, false));
    kept.recordIfChanged(event(true, true));

    assertThat(SchemaHistoryCheck.problems(kept, List.of(event(false, false)), SchemaHistoryCheck.BUILD_LEVEL)).isEmpty();
    assertThat(kept.versionsOf("io.codelibra.lifeline.events.PagerTest")).extracting(SchemaHistory.Version::number)
        .containsExactly(1, 2);
  }

  @Test
  void everyEarlierVersionIsCheckedNotOnlyTheLatest() {
    SchemaHistory kept = new SchemaHistory(history);
    kept.recordIfChanged(event(true, false));
    kept.recordIfChanged(event(true, true));

    assertThat(SchemaHistoryCheck.problems(kept, List.of(event(false, false)), SchemaHistoryCheck.BUILD_LEVEL))
        .singleElement().asString().contains("released version 1");
    assertThat(SchemaHistoryCheck.problems(kept, List.of(event(false, false)), CompatibilityLevel.FULL)).isEmpty();
  }

  @Test
  void aReleasedEventTypeThatDisappearedFails() {
    new SchemaHistory(history).recordIfChanged(event(false, false));

    assertThat(SchemaHistoryCheck.problems(new SchemaHistory(history), List.of(), SchemaHistoryCheck.BUILD_LEVEL))
        .singleElement().asString().contains("PagerTest was released but no longer exists");
  }

  @Test
  void theBuildsEntryPointThrowsWithTheProblems() throws Exception {
    Schema alertRaised = SpecificData.get().getSchema(AlertRaised.class);
    Schema withExtraRequiredField = new Schema.Parser().parse(alertRaised.toString().replaceFirst(
        "\"fields\":\\[", "\"fields\":[{\"name\":\"ticket\",\"type\":\"string\"},"));
    Path folder = Files.createDirectories(history.resolve(alertRaised.getFullName()));
    Files.writeString(folder.resolve("v1.avsc"), withExtraRequiredField.toString(true));

    assertThatThrownBy(() -> SchemaHistoryCheck.main(new String[] {"check", history.toString()}))
        .isInstanceOf(SchemaHistoryCheck.IncompatibleSchemaException.class)
        .hasMessageContaining("Schema io.codelibra.lifeline.events.AlertRaised is not FULL_TRANSITIVE compatible")
        .hasMessageContaining("ticket");
  }

  @Test
  void theShippedHistoryHoldsEveryEventType() {
    SchemaHistory shipped = new SchemaHistory(Path.of("src/main/avro-history"));
    assertThat(shipped.recordNames()).hasSize(Topics.eventTypes().size());
    assertThat(SchemaHistoryCheck.problems(shipped,
        Topics.eventTypes().stream().map(SpecificData.get()::getSchema).toList(), SchemaHistoryCheck.BUILD_LEVEL))
        .isEmpty();
  }
}
