package io.codelibra.lifeline.escalation.policy;

import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PolicyFileErrorsTest {

  @Test
  void aDelayThatIsNotAPositiveIntegerNamesFileLineAndReason() {
    assertThatThrownBy(() -> load(new YamlSource("policies.yml", """
        escalation_policies:
          - name: "Critical"
            escalation_rules:
              - targets:
                  - type: "user_reference"
                    id: "PRIMARY"
                escalation_delay_in_minutes: 15
              - targets:
                  - type: "user_reference"
                    id: "SECONDARY"
                escalation_delay_in_minutes: 0
        """)))
        .isInstanceOf(PolicyFileException.class)
        .hasMessage("policies.yml:11: escalation_delay_in_minutes must be a positive integer");
  }

  @Test
  void delaysMustBeWholeUnquotedMinutes() {
    assertThat(problems(new YamlSource("p.yml", """
        escalation_policies:
          - name: "Critical"
            escalation_rules:
              - targets: [{ type: user_reference, id: a }]
                escalation_delay_in_minutes: 1.5
              - targets: [{ type: user_reference, id: b }]
                escalation_delay_in_minutes: "15"
              - targets: [{ type: user_reference, id: c }]
                escalation_delay_in_minutes: -5
        """))).containsExactly(
        "p.yml:5: escalation_delay_in_minutes must be a positive integer",
        "p.yml:7: escalation_delay_in_minutes must be a positive integer",
        "p.yml:9: escalation_delay_in_minutes must be a positive integer");
  }

  @Test
  void unknownKeysAreRejectedByName() {
    assertThat(problems(new YamlSource("p.yml", """
        escalation_policies:
          - name: "Critical"
            escalation_rules:
              - targets: [{ type: user_reference, id: a, name: Alice }]
                escalation_delay: 15
        servics: {}
        """))).containsExactly(
        "p.yml:4: unknown key 'name' in target; expected type, id",
        "p.yml:4: escalation rule has no escalation_delay_in_minutes",
        "p.yml:5: unknown key 'escalation_delay' in escalation rule; expected targets, escalation_delay_in_minutes",
        "p.yml:6: unknown key 'servics' in a policy file; expected escalation_policies, services");
  }

  @Test
  void missingNameRulesAndTargetsAreReportedAtTheirEntry() {
    assertThat(problems(new YamlSource("p.yml", """
        escalation_policies:
          - escalation_rules:
              - targets: []
                escalation_delay_in_minutes: 15
              - escalation_delay_in_minutes: 15
          - name: "No rules"
          - name: "Empty rules"
            escalation_rules:
        """))).containsExactly(
        "p.yml:2: escalation policy has no name",
        "p.yml:3: targets must not be empty",
        "p.yml:5: escalation rule has no targets",
        "p.yml:6: escalation policy has no escalation_rules",
        "p.yml:8: escalation_rules must not be empty");
  }

  @Test
  void duplicatePolicyNamesAcrossFilesPointAtTheFirstDefinition() {
    assertThat(problems(policy("a.yml", "Critical"), policy("b.yml", "Other"), policy("c.yml", "Critical")))
        .containsExactly("c.yml:2: duplicate escalation policy name 'Critical' (first defined at a.yml:2)");
  }

  @Test
  void targetTypesAreUserOrScheduleReferences() {
    assertThat(problems(new YamlSource("p.yml", """
        escalation_policies:
          - name: "Critical"
            escalation_rules:
              - targets:
                  - type: team_reference
                    id: sre
                escalation_delay_in_minutes: 15
        """))).containsExactly(
        "p.yml:5: type must be user_reference or schedule_reference, not 'team_reference'");
  }

  @Test
  void scheduleReferencesMustNameALoadedScheduleButUserIdsAreNotChecked() {
    YamlSource file = new YamlSource("p.yml", """
        escalation_policies:
          - name: "Critical"
            escalation_rules:
              - targets:
                  - { type: schedule_reference, id: primary }
                  - { type: schedule_reference, id: secondary }
                  - { type: user_reference, id: anybody }
                escalation_delay_in_minutes: 15
        """);

    assertThat(catchThrowableOfType(PolicyFileException.class, () -> PolicyFiles.load(List.of(file), Set.of("primary")))
        .problems()).containsExactly("p.yml:6: schedule 'secondary' is not defined in the loaded schedules");
    assertThat(PolicyFiles.load(List.of(file), Set.of("primary", "secondary")).policies()).containsOnlyKeys("Critical");
  }

  @Test
  void servicesMustReferenceAKnownPolicyEvenFromAnotherFile() {
    assertThat(problems(policy("policies.yml", "Critical"), new YamlSource("services.yml", """
        services:
          defaults:
            escalation_policy: "Critical"
          checkout:
            escalation_policy: "Critcal"
        """))).containsExactly("services.yml:5: escalation_policy 'Critcal' is not defined; defined: Critical");
  }

  @Test
  void severitiesAndUrgenciesAreKnownWords() {
    assertThat(problems(policy("policies.yml", "Critical"), new YamlSource("services.yml", """
        services:
          checkout:
            urgency:
              SEV3: high
              SEV5: high
              SEV4: urgent
        """))).containsExactly(
        "services.yml:5: unknown severity 'SEV5' in urgency; expected SEV1, SEV2, SEV3 or SEV4",
        "services.yml:6: urgency of SEV4 must be high or low, not 'urgent'");
  }

  @Test
  void numLoopsFollowsPagerDutysLimitOfNine() {
    assertThat(problems(new YamlSource("p.yml", """
        escalation_policies:
          - name: "Critical"
            num_loops: 10
            escalation_rules:
              - targets: [{ type: user_reference, id: a }]
                escalation_delay_in_minutes: 15
        """))).containsExactly("p.yml:3: num_loops must be an integer from 0 to 9");
  }

  @Test
  void duplicateServicesAndKeysAreReported() {
    assertThat(problems(policy("policies.yml", "Critical"), new YamlSource("a.yml", """
        services:
          checkout:
            auto_resolve: yes
            auto_resolve: false
        """), new YamlSource("b.yml", """
        services:
          checkout:
            auto_resolve: maybe
        """))).containsExactly(
        "a.yml:4: duplicate key 'auto_resolve' in service checkout (first at line 3)",
        "b.yml:2: duplicate service 'checkout' (first defined at a.yml:2)",
        "b.yml:3: auto_resolve must be true or false");
  }

  @Test
  void filesWithoutAnyPolicyAreAnError() {
    assertThat(problems(new YamlSource("services.yml", """
        services:
          defaults:
            auto_resolve: true
        """), new YamlSource("empty.yml", "# nothing yet\n")))
        .containsExactly("services.yml, empty.yml: no escalation policy defined (escalation_policies)");
  }

  @Test
  void yamlSyntaxErrorsNameTheirLine() {
    assertThat(problems(policy("good.yml", "Critical"), new YamlSource("broken.yml", """
        escalation_policies:
          - name: "Critical
            escalation_rules: []
        """))).singleElement().asString().startsWith("broken.yml:4: invalid YAML: ");
  }

  @Test
  void aFileThatIsNotAMappingIsReported() {
    assertThat(problems(policy("good.yml", "Critical"), new YamlSource("list.yml", "- name: x\n")))
        .containsExactly("list.yml:1: a policy file must be a mapping of key: value lines");
  }

  private static YamlSource policy(String file, String name) {
    return new YamlSource(file, """
        escalation_policies:
          - name: "%s"
            escalation_rules:
              - targets: [{ type: user_reference, id: someone }]
                escalation_delay_in_minutes: 15
        """.formatted(name));
  }

  private static EscalationCatalog load(YamlSource... files) {
    return PolicyFiles.load(List.of(files), Set.of());
  }

  private static List<String> problems(YamlSource... files) {
    return catchThrowableOfType(PolicyFileException.class, () -> load(files)).problems();
  }
}
