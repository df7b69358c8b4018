package io.codelibra.lifeline.registry.state;

import static io.codelibra.lifeline.registry.state.Schemas.ALERT_V1;
import static io.codelibra.lifeline.registry.state.Schemas.ALERT_WITH_SEVERITY_DEFAULT;
import static io.codelibra.lifeline.registry.state.Schemas.REGION;
import static io.codelibra.lifeline.registry.state.Schemas.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.registry.error.RegistryError;
import io.codelibra.lifeline.registry.error.RegistryException;
import io.codelibra.lifeline.registry.state.ApplyOutcome.Kind;
import io.codelibra.lifeline.registry.state.LogRecord.ConfigRecord;
import io.codelibra.lifeline.registry.state.LogRecord.DeleteSubjectRecord;
import io.codelibra.lifeline.registry.state.LogRecord.IgnoredRecord;
import io.codelibra.lifeline.registry.state.LogRecord.SchemaRecord;
import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RegistryStateTest {

  private final RegistryState state = new RegistryState(CompatibilityLevel.BACKWARD);

  /** Plans a registration and applies its record, as one uncontended write does. */
  private SchemaEntry register(String subject, String schema) {
    RegistrationPlan plan = state.planRegistration(subject, parsed(schema));
    if (plan instanceof RegistrationPlan.Existing existing) {
      return existing.entry();
    }
    assertThat(plan).isInstanceOf(RegistrationPlan.NewVersion.class);
    SchemaEntry entry = ((RegistrationPlan.NewVersion) plan).entry();
    assertThat(state.apply(SchemaRecord.of(entry)).kind()).isEqualTo(Kind.CREATED);
    return entry;
  }

  private void applyAll(DeletionPlan plan) {
    plan.records().forEach(state::apply);
  }

  private static void assertError(ThrowingCallable call, RegistryError error) {
    assertThatThrownBy(call).isInstanceOfSatisfying(RegistryException.class,
        e -> assertThat(e.error()).isEqualTo(error));
  }

  @Test
  void firstRegistrationIsVersionOneWithIdOne() {
    SchemaEntry entry = register("alerts-value", ALERT_V1);

    assertThat(entry).isEqualTo(new SchemaEntry("alerts-value", 1, 1, parsed(ALERT_V1).canonical(), false));
    assertThat(state.requireSchema(1)).isEqualTo(parsed(ALERT_V1).canonical());
  }

  @Test
  void sameSchemaUnderSameSubjectAnswersTheExistingVersion() {
    register("alerts-value", ALERT_V1);

    RegistrationPlan again = state.planRegistration("alerts-value", parsed(ALERT_V1.replace(" ", "")));

    assertThat(again).isEqualTo(new RegistrationPlan.Existing(
        new SchemaEntry("alerts-value", 1, 1, parsed(ALERT_V1).canonical(), false)));
  }

  @Test
  void sameSchemaUnderAnotherSubjectReusesTheGlobalId() {
    register("alerts-value", ALERT_V1);
    register("regions-value", REGION);

    SchemaEntry other = register("alerts.inbound-value", ALERT_V1);

    assertThat(other.id()).isEqualTo(1);
    assertThat(other.version()).isEqualTo(1);
    assertThat(state.requireEntriesWithId(1, false)).extracting(SchemaEntry::subject)
        .containsExactly("alerts-value", "alerts.inbound-value");
  }

  @Test
  void newSchemasGetTheNextIdAndTheNextVersion() {
    register("alerts-value", ALERT_V1);
    register("regions-value", REGION);

    SchemaEntry evolved = register("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

    assertThat(evolved.id()).isEqualTo(3);
    assertThat(evolved.version()).isEqualTo(2);
    assertThat(state.versions("alerts-value", Visibility.LIVE)).extracting(SchemaEntry::version).containsExactly(1, 2);
  }

  @Test
  void versionsCountOnFromSoftDeletedVersions() {
    register("alerts-value", ALERT_V1);
    applyAll(state.planVersionDeletion("alerts-value", VersionRef.of(1), false));

    SchemaEntry again = register("alerts-value", ALERT_V1);

    assertThat(again.version()).isEqualTo(2);
    assertThat(again.id()).isEqualTo(1);
  }

  @Test
  void rejectsARecordWhoseSubjectVersionIsAlreadyAnotherSchema() {
    register("alerts-value", ALERT_V1);
    SchemaEntry racing = new SchemaEntry("alerts-value", 1, 2, parsed(REGION).canonical(), false);

    ApplyOutcome outcome = state.apply(SchemaRecord.of(racing));

    assertThat(outcome.kind()).isEqualTo(Kind.REJECTED);
    assertThat(outcome.reason()).contains("version 1", "already schema id 1");
    assertThat(state.requireVersion("alerts-value", VersionRef.of(1), false).id()).isEqualTo(1);
    assertError(() -> state.requireSchema(2), RegistryError.SCHEMA_NOT_FOUND);
  }

  @Test
  void rejectsARecordWhoseIdIsAlreadyAnotherSchema() {
    register("alerts-value", ALERT_V1);
    SchemaEntry racing = new SchemaEntry("regions-value", 1, 1, parsed(REGION).canonical(), false);

    ApplyOutcome outcome = state.apply(SchemaRecord.of(racing));

    assertThat(outcome.kind()).isEqualTo(Kind.REJECTED);
    assertThat(outcome.reason()).contains("schema id 1 is already another schema");
    assertThat(state.hasSubject("regions-value", true)).isFalse();
  }

  @Test
  void rejectsARecordGivingASchemaASecondId() {
    register("alerts-value", ALERT_V1);
    SchemaEntry racing = new SchemaEntry("alerts.inbound-value", 1, 7, parsed(ALERT_V1).canonical(), false);

    assertThat(state.apply(SchemaRecord.of(racing)).kind()).isEqualTo(Kind.REJECTED);
    assertThat(state.requireEntriesWithId(1, true)).hasSize(1);
  }

  @Test
  void identicalRecordFromAnotherInstanceIsAnUpdateNotAConflict() {
    SchemaEntry first = register("alerts-value", ALERT_V1);

    assertThat(state.apply(SchemaRecord.of(first)).kind()).isEqualTo(Kind.UPDATED);
    assertThat(state.versions("alerts-value", Visibility.INCLUDE_DELETED)).containsExactly(first);
  }

  @Test
  void twoInstancesProposingTheSameNextIdResolveToOneWinnerInLogOrder() {
    // Both planned on the same state: id 1, version 1, for different schemas and subjects.
    SchemaEntry fromA = ((RegistrationPlan.NewVersion) state.planRegistration("a-value", parsed(ALERT_V1))).entry();
    SchemaEntry fromB = ((RegistrationPlan.NewVersion) state.planRegistration("b-value", parsed(REGION))).entry();
    assertThat(fromA.id()).isEqualTo(fromB.id());

    assertThat(state.apply(SchemaRecord.of(fromA)).kind()).isEqualTo(Kind.CREATED);
    assertThat(state.apply(SchemaRecord.of(fromB)).kind()).isEqualTo(Kind.REJECTED);

    // B retries on the newer state and gets the next id.
    SchemaEntry retried = register("b-value", REGION);
    assertThat(retried.id()).isEqualTo(2);
  }

  @Test
  void remembersWhetherTheLastRecordOfAKeyWasRejectedUntilTheKeyIsWrittenAgain() {
    register("alerts-value", ALERT_V1);
    SchemaEntry racing = new SchemaEntry("alerts-value", 1, 2, parsed(REGION).canonical(), false);
    state.apply(SchemaRecord.of(racing));
    assertThat(state.lastRecordRejected("alerts-value", 1)).isTrue();

    SchemaRecord current = state.currentRecord("alerts-value", 1);
    assertThat(current.value().id()).isEqualTo(1);
    assertThat(state.apply(current).kind()).isEqualTo(Kind.UPDATED);

    assertThat(state.lastRecordRejected("alerts-value", 1)).isFalse();
  }

  @Test
  void rejectedRecordOnAFreeKeyIsOverwrittenWithATombstone() {
    register("alerts-value", ALERT_V1);
    state.apply(SchemaRecord.of(new SchemaEntry("regions-value", 1, 1, parsed(REGION).canonical(), false)));

    SchemaRecord current = state.currentRecord("regions-value", 1);

    assertThat(current.value()).isNull();
    assertThat(state.apply(current).kind()).isEqualTo(Kind.IGNORED);
    assertThat(state.lastRecordRejected("regions-value", 1)).isFalse();
  }

  @Test
  void softDeletedVersionIsHiddenButItsIdStillResolves() {
    register("alerts-value", ALERT_V1);
    register("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

    DeletionPlan plan = state.planVersionDeletion("alerts-value", VersionRef.of(1), false);
    applyAll(plan);

    assertThat(plan.versions()).containsExactly(1);
    assertThat(state.versions("alerts-value", Visibility.LIVE)).extracting(SchemaEntry::version).containsExactly(2);
    assertThat(state.versions("alerts-value", Visibility.DELETED_ONLY)).extracting(SchemaEntry::version).containsExactly(1);
    assertThat(state.requireSchema(1)).isEqualTo(parsed(ALERT_V1).canonical());
    assertError(() -> state.requireVersion("alerts-value", VersionRef.of(1), false), RegistryError.VERSION_NOT_FOUND);
    assertThat(state.requireVersion("alerts-value", VersionRef.of(1), true).deleted()).isTrue();
  }

  @Test
  void softDeletedVersionCannotBeRestoredByALaterRecord() {
    SchemaEntry entry = register("alerts-value", ALERT_V1);
    applyAll(state.planVersionDeletion("alerts-value", VersionRef.of(1), false));

    assertThat(state.apply(SchemaRecord.of(entry)).kind()).isEqualTo(Kind.REJECTED);
    assertThat(state.hasSubject("alerts-value", false)).isFalse();
  }

  @Test
  void softDeletingASubjectAnswersItsLiveVersionsAndASecondTimeIs40404() {
    register("alerts-value", ALERT_V1);
    register("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);
    applyAll(state.planVersionDeletion("alerts-value", VersionRef.of(1), false));

    DeletionPlan plan = state.planSubjectDeletion("alerts-value", false);
    applyAll(plan);

    assertThat(plan.versions()).containsExactly(2);
    assertThat(state.subjects(Visibility.LIVE, null)).isEmpty();
    assertThat(state.subjects(Visibility.INCLUDE_DELETED, null)).containsExactly("alerts-value");
    assertThat(state.subjects(Visibility.DELETED_ONLY, null)).containsExactly("alerts-value");
    assertError(() -> state.planSubjectDeletion("alerts-value", false), RegistryError.SUBJECT_SOFT_DELETED);
  }

  @Test
  void permanentDeleteNeedsASoftDeleteFirst() {
    register("alerts-value", ALERT_V1);

    assertError(() -> state.planSubjectDeletion("alerts-value", true), RegistryError.SUBJECT_NOT_SOFT_DELETED);
    assertError(() -> state.planVersionDeletion("alerts-value", VersionRef.of(1), true),
        RegistryError.VERSION_NOT_SOFT_DELETED);
    assertError(() -> state.planSubjectDeletion("nobody-value", false), RegistryError.SUBJECT_NOT_FOUND);
    assertError(() -> state.planVersionDeletion("alerts-value", VersionRef.of(9), false), RegistryError.VERSION_NOT_FOUND);
  }

  @Test
  void permanentDeleteRemovesEverythingAndForgetsAnIdNoLongerUsed() {
    register("regions-value", REGION);
    register("alerts-value", ALERT_V1);
    state.apply(new ConfigRecord("alerts-value", "FULL"));
    applyAll(state.planSubjectDeletion("alerts-value", false));

    DeletionPlan plan = state.planSubjectDeletion("alerts-value", true);
    assertThat(plan.records()).containsExactly(SchemaRecord.tombstone("alerts-value", 1),
        new ConfigRecord("alerts-value", null));
    applyAll(plan);

    assertThat(state.subjects(Visibility.INCLUDE_DELETED, null)).containsExactly("regions-value");
    assertThat(state.subjectLevel("alerts-value")).isEmpty();
    assertError(() -> state.requireSchema(2), RegistryError.SCHEMA_NOT_FOUND);
    // The forgotten id is not handed out again by this instance.
    assertThat(register("alerts-value", ALERT_V1).id()).isEqualTo(3);
    assertThat(state.requireVersion("alerts-value", VersionRef.latest(), false).version()).isEqualTo(1);
  }

  @Test
  void hardDeleteOfAVersionSharedWithAnotherSubjectKeepsTheId() {
    register("alerts-value", ALERT_V1);
    register("alerts.inbound-value", ALERT_V1);
    applyAll(state.planVersionDeletion("alerts-value", VersionRef.latest(), false));
    applyAll(state.planVersionDeletion("alerts-value", VersionRef.latest(), true));

    assertThat(state.requireSchema(1)).isEqualTo(parsed(ALERT_V1).canonical());
    assertThat(state.requireEntriesWithId(1, true)).extracting(SchemaEntry::subject)
        .containsExactly("alerts.inbound-value");
  }

  @Test
  void lookUpFindsTheVersionHoldingTheSchema() {
    register("alerts-value", ALERT_V1);
    register("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

    assertThat(state.requireLookup("alerts-value", parsed(ALERT_WITH_SEVERITY_DEFAULT), false).version()).isEqualTo(2);
    assertError(() -> state.requireLookup("alerts-value", parsed(REGION), false), RegistryError.SCHEMA_NOT_FOUND);
    assertError(() -> state.requireLookup("regions-value", parsed(REGION), false), RegistryError.SUBJECT_NOT_FOUND);
  }

  @Test
  void versionErrorsAreConfluents() {
    register("alerts-value", ALERT_V1);

    assertThat(state.requireVersion("alerts-value", VersionRef.parse("latest"), false).version()).isEqualTo(1);
    assertThat(state.requireVersion("alerts-value", VersionRef.parse("-1"), false).version()).isEqualTo(1);
    assertError(() -> state.requireVersion("nobody-value", VersionRef.of(1), false), RegistryError.SUBJECT_NOT_FOUND);
    assertError(() -> state.requireVersion("alerts-value", VersionRef.of(2), false), RegistryError.VERSION_NOT_FOUND);
    assertError(() -> VersionRef.parse("0"), RegistryError.INVALID_VERSION);
    assertError(() -> VersionRef.parse("first"), RegistryError.INVALID_VERSION);
    assertError(() -> state.requireVersions("nobody-value", Visibility.LIVE), RegistryError.SUBJECT_NOT_FOUND);
  }

  @Test
  void compatibilityLevelIsTheSubjectsOwnThenTheGlobalOneThenTheDefault() {
    assertThat(state.effectiveLevel("alerts-value")).isEqualTo(CompatibilityLevel.BACKWARD);

    state.apply(new ConfigRecord(null, "FULL_TRANSITIVE"));
    assertThat(state.effectiveLevel("alerts-value")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

    state.apply(new ConfigRecord("alerts-value", "NONE"));
    assertThat(state.effectiveLevel("alerts-value")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(state.effectiveLevel("regions-value")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);

    assertThat(state.apply(new ConfigRecord("alerts-value", null)).kind()).isEqualTo(Kind.REMOVED);
    assertThat(state.apply(new ConfigRecord(null, null)).kind()).isEqualTo(Kind.REMOVED);
    assertThat(state.effectiveLevel("alerts-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(state.apply(new ConfigRecord(null, "SIDEWAYS")).kind()).isEqualTo(Kind.IGNORED);
  }

  @Test
  void confluentsDeleteSubjectRecordSoftDeletesEveryVersionUpToItsVersion() {
    register("alerts-value", ALERT_V1);
    register("alerts-value", ALERT_WITH_SEVERITY_DEFAULT);

    state.apply(new DeleteSubjectRecord("alerts-value", 1));

    assertThat(state.versions("alerts-value", Visibility.LIVE)).extracting(SchemaEntry::version).containsExactly(2);
  }

  @Test
  void recordsItCannotUseChangeNothing() {
    register("alerts-value", ALERT_V1);

    assertThat(state.apply(new IgnoredRecord("NOOP")).kind()).isEqualTo(Kind.IGNORED);
    assertThat(state.apply(SchemaRecord.of(new SchemaEntry("x-value", 1, 5, "{not avro", false))).kind())
        .isEqualTo(Kind.REJECTED);
    assertThat(state.apply(new SchemaRecord("x-value", 2, new SchemaEntry("x-value", 1, 5, REGION, false))).kind())
        .isEqualTo(Kind.REJECTED);
    assertThat(state.subjects(Visibility.INCLUDE_DELETED, null)).containsExactly("alerts-value");
  }

  @Test
  void replayingTheSameRecordsGivesTheSameState() {
    List<LogRecord> log = List.of(
        SchemaRecord.of(new SchemaEntry("a-value", 1, 1, parsed(ALERT_V1).canonical(), false)),
        SchemaRecord.of(new SchemaEntry("b-value", 1, 1, parsed(REGION).canonical(), false)),
        SchemaRecord.of(new SchemaEntry("b-value", 1, 2, parsed(REGION).canonical(), false)),
        new ConfigRecord("a-value", "FULL"));
    RegistryState one = new RegistryState(CompatibilityLevel.BACKWARD);
    RegistryState two = new RegistryState(CompatibilityLevel.BACKWARD);

    List<Kind> first = log.stream().map(one::apply).map(ApplyOutcome::kind).toList();
    List<Kind> second = log.stream().map(two::apply).map(ApplyOutcome::kind).toList();

    assertThat(first).containsExactly(Kind.CREATED, Kind.REJECTED, Kind.CREATED, Kind.UPDATED).isEqualTo(second);
    assertThat(one.requireEntriesWithId(2, false)).isEqualTo(two.requireEntriesWithId(2, false));
  }
}
