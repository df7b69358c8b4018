package io.codelibra.lifeline.escalation.policy;

import io.codelibra.lifeline.escalation.policy.PolicyTarget.Type;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.Urgency;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyFilesTest {

  private static final String CRITICAL = "CodeLibra Critical Incidents";

  @Test
  void loadsTheRfcExampleUnchanged() {
    EscalationCatalog catalog = rfcExample();

    assertThat(catalog.policies()).containsOnlyKeys(CRITICAL);
    assertThat(catalog.policy(CRITICAL)).contains(new EscalationPolicy(CRITICAL, List.of(
        rule(15, new PolicyTarget(Type.user_reference, "PRIMARY_ON_CALL_USER_ID")),
        rule(15, new PolicyTarget(Type.user_reference, "SECONDARY_ON_CALL_USER_ID")),
        rule(30, new PolicyTarget(Type.user_reference, "MANAGER_USER_ID"))), 0));
  }

  @Test
  void withoutServicesEveryServiceGetsTheFirstPolicyAutoResolveAndNoGrouping() {
    EscalationCatalog catalog = rfcExample();

    assertThat(catalog.services()).isEmpty();
    assertThat(catalog.settingsFor("checkout")).isEqualTo(new ServiceSettings(PolicyFiles.DEFAULTS, CRITICAL,
        ServiceSettings.DEFAULT_URGENCIES, true, Optional.empty()));
  }

  @Test
  void shipsTheRfcExampleVerbatimWithServicesDefaultingToIt() {
    assertThat(YamlSource.fromClasspath("escalation/policies.yml").content())
        .isEqualTo(YamlSource.fromClasspath("policies/rfc-example.yml").content());

    EscalationCatalog catalog = PolicyFiles.load(List.of(YamlSource.fromClasspath("escalation/policies.yml"),
        YamlSource.fromClasspath("escalation/services.yml")), Set.of("primary"));

    assertThat(catalog.defaults().escalationPolicy()).isEqualTo(CRITICAL);
    assertThat(catalog.defaults().autoResolve()).isTrue();
    assertThat(catalog.policy(CRITICAL).orElseThrow().rules()).hasSize(3);
  }

  @Test
  void readsLoopsScheduleTargetsAndSeveralTargetsPerRule() {
    EscalationCatalog catalog = withServices();

    EscalationPolicy critical = catalog.policy(CRITICAL).orElseThrow();
    assertThat(critical.numLoops()).isEqualTo(1);
    assertThat(critical.rules()).containsExactly(
        rule(15, new PolicyTarget(Type.schedule_reference, "primary")),
        rule(30, new PolicyTarget(Type.user_reference, "MANAGER_USER_ID"),
            new PolicyTarget(Type.user_reference, "SECONDARY_ON_CALL_USER_ID")));
    assertThat(catalog.policy("Business hours").orElseThrow().numLoops()).isZero();
  }

  @Test
  void aListedServiceOverridesOnlyWhatItNames() {
    ServiceSettings checkout = withServices().settingsFor("checkout");

    assertThat(checkout).isEqualTo(new ServiceSettings("checkout", CRITICAL, Map.of(Severity.SEV1, Urgency.high,
        Severity.SEV2, Urgency.high, Severity.SEV3, Urgency.high, Severity.SEV4, Urgency.low),
        false, Optional.of(Duration.ofMinutes(5))));
  }

  @Test
  void aServiceTakesWhatItLeavesOutFromDefaultsAndZeroMinutesSwitchesGroupingOff() {
    EscalationCatalog catalog = withServices();

    assertThat(catalog.defaults()).isEqualTo(new ServiceSettings(PolicyFiles.DEFAULTS, "Business hours",
        ServiceSettings.DEFAULT_URGENCIES, true, Optional.of(Duration.ofMinutes(10))));
    ServiceSettings search = catalog.settingsFor("search");
    assertThat(search.escalationPolicy()).isEqualTo("Business hours");
    assertThat(search.autoResolve()).isTrue();
    assertThat(search.groupingWindow()).isEmpty();
    assertThat(search.urgencyOf(Severity.SEV1)).isEqualTo(Urgency.low);
    assertThat(search.urgencyOf(Severity.SEV2)).isEqualTo(Urgency.high);
    assertThat(catalog.settingsFor("unlisted")).isSameAs(catalog.defaults());
  }

  @Test
  void servicesMayComeFromAnotherFileAndDefaultsToTheFirstPolicyInFileOrder() {
    YamlSource first = new YamlSource("first.yml", """
        escalation_policies:
          - name: "Night"
            escalation_rules:
              - targets: [{ type: user_reference, id: owl }]
                escalation_delay_in_minutes: 5
        """);
    YamlSource second = new YamlSource("second.yml", """
        escalation_policies:
          - name: "Day"
            escalation_rules:
              - targets: [{ type: user_reference, id: lark }]
                escalation_delay_in_minutes: 10
        """);
    YamlSource services = new YamlSource("services.yml", """
        services:
          api:
            escalation_policy: Day
            urgency: { sev4: HIGH }
        """);

    EscalationCatalog catalog = PolicyFiles.load(List.of(first, second, services), Set.of());

    assertThat(catalog.defaults().escalationPolicy()).isEqualTo("Night");
    assertThat(catalog.settingsFor("api").escalationPolicy()).isEqualTo("Day");
    assertThat(catalog.settingsFor("api").urgencyOf(Severity.SEV4)).isEqualTo(Urgency.high);
    assertThat(catalog.policy("Day").orElseThrow().rules().getFirst().escalationDelay()).hasMinutes(10);
  }

  private static EscalationCatalog rfcExample() {
    return PolicyFiles.load(List.of(YamlSource.fromClasspath("policies/rfc-example.yml")), Set.of());
  }

  private static EscalationCatalog withServices() {
    return PolicyFiles.load(List.of(YamlSource.fromClasspath("policies/with-services.yml")), Set.of("primary"));
  }

  private static EscalationRule rule(int delayMinutes, PolicyTarget... targets) {
    return new EscalationRule(List.of(targets), Duration.ofMinutes(delayMinutes));
  }
}
