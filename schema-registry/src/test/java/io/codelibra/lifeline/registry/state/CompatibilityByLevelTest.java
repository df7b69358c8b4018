package io.codelibra.lifeline.registry.state;

import static io.codelibra.lifeline.registry.state.Schemas.ALERT_V1;
import static io.codelibra.lifeline.registry.state.Schemas.ALERT_WITHOUT_ID;
import static io.codelibra.lifeline.registry.state.Schemas.ALERT_WITH_SEVERITY_DEFAULT;
import static io.codelibra.lifeline.registry.state.Schemas.ALERT_WITH_SEVERITY_REQUIRED;
import static io.codelibra.lifeline.registry.state.Schemas.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.registry.state.LogRecord.ConfigRecord;
import io.codelibra.lifeline.registry.state.LogRecord.SchemaRecord;
import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registration decisions per compatibility level, decided by the shared {@link CompatibilityLevel}. */
class CompatibilityByLevelTest {

  private final RegistryState state = new RegistryState(CompatibilityLevel.BACKWARD);

  private void existing(String subject, String... schemas) {
    int version = 1;
    for (String schema : schemas) {
      state.apply(SchemaRecord.of(new SchemaEntry(subject, version, 100 + version, parsed(schema).canonical(), false)));
      version++;
    }
  }

  private boolean accepted(String subject, String candidate) {
    return !(state.planRegistration(subject, parsed(candidate)) instanceof RegistrationPlan.Incompatible);
  }

  @ParameterizedTest(name = "{0}: default-valued field {1}, required field {2}, dropped required field {3}")
  @CsvSource({
      "NONE,                true, true,  true",
      "BACKWARD,            true, false, true",
      "BACKWARD_TRANSITIVE, true, false, true",
      "FORWARD,             true, true,  false",
      "FORWARD_TRANSITIVE,  true, true,  false",
      "FULL,                true, false, false",
      "FULL_TRANSITIVE,     true, false, false"})
  void eachLevelAcceptsWhatAvroSaysItMay(CompatibilityLevel level, boolean addDefaulted, boolean addRequired,
      boolean dropRequired) {
    existing("alerts-value", ALERT_V1);
    state.apply(new ConfigRecord("alerts-value", level.name()));

    assertThat(accepted("alerts-value", ALERT_WITH_SEVERITY_DEFAULT)).isEqualTo(addDefaulted);
    assertThat(accepted("alerts-value", ALERT_WITH_SEVERITY_REQUIRED)).isEqualTo(addRequired);
    assertThat(accepted("alerts-value", ALERT_WITHOUT_ID)).isEqualTo(dropRequired);
  }

  @Test
  void transitiveLevelsCheckEveryEarlierVersionTheOthersOnlyTheLatest() {
    // V1 has no severity; V2 adds it with a default; the candidate makes it required.
    existing("alerts-value", ALERT_V1, ALERT_WITH_SEVERITY_DEFAULT);

    assertThat(accepted("alerts-value", ALERT_WITH_SEVERITY_REQUIRED)).isTrue();

    state.apply(new ConfigRecord(null, "BACKWARD_TRANSITIVE"));
    assertThat(accepted("alerts-value", ALERT_WITH_SEVERITY_REQUIRED)).isFalse();
  }

  @Test
  void softDeletedVersionsAreNotCompared() {
    existing("alerts-value", ALERT_V1, ALERT_WITH_SEVERITY_DEFAULT);
    state.apply(new ConfigRecord(null, "BACKWARD_TRANSITIVE"));
    state.planVersionDeletion("alerts-value", VersionRef.of(1), false).records().forEach(state::apply);

    assertThat(accepted("alerts-value", ALERT_WITH_SEVERITY_REQUIRED)).isTrue();
  }

  @Test
  void incompatibilityIsExplainedTheWayConfluentDoes() {
    existing("alerts-value", ALERT_V1);

    RegistrationPlan plan = state.planRegistration("alerts-value", parsed(ALERT_WITH_SEVERITY_REQUIRED));

    assertThat(plan).isInstanceOfSatisfying(RegistrationPlan.Incompatible.class, incompatible ->
        assertThat(incompatible.messages()).satisfiesExactly(
            first -> assertThat(first).startsWith("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'")
                .contains("/fields/1", "severity"),
            second -> assertThat(second).isEqualTo("{oldSchemaVersion: 1}"),
            third -> assertThat(third).isEqualTo("{oldSchema: '" + parsed(ALERT_V1).canonical() + "'}"),
            fourth -> assertThat(fourth).isEqualTo("{compatibility: 'BACKWARD'}")));
  }

  @Test
  void compatibilityAgainstOneVersionUsesTheSubjectsLevel() {
    existing("alerts-value", ALERT_V1, ALERT_WITH_SEVERITY_DEFAULT);

    assertThat(state.checkCompatibility("alerts-value", parsed(ALERT_WITH_SEVERITY_REQUIRED), VersionRef.of(2))).isEmpty();
    assertThat(state.checkCompatibility("alerts-value", parsed(ALERT_WITH_SEVERITY_REQUIRED), VersionRef.of(1)))
        .isNotEmpty();
    assertThat(state.checkCompatibility("alerts-value", parsed(ALERT_WITH_SEVERITY_REQUIRED), VersionRef.latest()))
        .isEmpty();
    assertThat(state.checkCompatibility("nobody-value", parsed(ALERT_WITH_SEVERITY_REQUIRED), VersionRef.latest()))
        .isEmpty();
  }
}
