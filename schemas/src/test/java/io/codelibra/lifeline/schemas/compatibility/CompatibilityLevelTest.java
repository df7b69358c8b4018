package io.codelibra.lifeline.schemas.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

  private static final Schema V1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
  private static final Schema V2_ADDS_REQUIRED = SchemaBuilder.record("R").fields()
      .requiredString("a").requiredString("b").endRecord();
  private static final Schema V2_ADDS_OPTIONAL = SchemaBuilder.record("R").fields()
      .requiredString("a").optionalString("b").endRecord();
  private static final Schema V3_DROPS_A = SchemaBuilder.record("R").fields().optionalString("b").endRecord();

  @Test
  void backwardRefusesANewFieldWithoutDefaultButForwardAcceptsIt() {
    assertThat(CompatibilityLevel.BACKWARD.violations(V2_ADDS_REQUIRED, List.of(V1))).isNotEmpty();
    assertThat(CompatibilityLevel.FORWARD.violations(V2_ADDS_REQUIRED, List.of(V1))).isEmpty();
  }

  @Test
  void forwardRefusesRemovingAFieldWithoutDefaultButBackwardAcceptsIt() {
    assertThat(CompatibilityLevel.BACKWARD.violations(V3_DROPS_A, List.of(V2_ADDS_OPTIONAL))).isEmpty();
    assertThat(CompatibilityLevel.FORWARD.violations(V3_DROPS_A, List.of(V2_ADDS_OPTIONAL))).isNotEmpty();
  }

  @Test
  void nonTransitiveLevelsCompareWithTheLatestOnlyTransitiveWithAll() {
    List<Schema> history = List.of(V2_ADDS_REQUIRED, V1);
    Schema onlyB = SchemaBuilder.record("R").fields().requiredString("a").endRecord();

    assertThat(CompatibilityLevel.FULL.violations(onlyB, history)).isEmpty();
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.violations(onlyB, history))
        .extracting(CompatibilityLevel.Violation::earlierIndex).containsOnly(0);
    assertThat(CompatibilityLevel.NONE.violations(V3_DROPS_A, history)).isEmpty();
  }

  @Test
  void parsesLevelsCaseInsensitivelyAndRefusesUnknownOnes() {
    assertThat(CompatibilityLevel.parse("backward_transitive")).contains(CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThat(CompatibilityLevel.parse("SIDEWAYS")).isEmpty();
  }
}
