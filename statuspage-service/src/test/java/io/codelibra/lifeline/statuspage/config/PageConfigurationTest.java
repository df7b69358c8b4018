package io.codelibra.lifeline.statuspage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageConfigurationTest {

  @Test
  void shippedDemoPageLoadsWithEveryTemplateRenderable() {
    PageConfiguration page = ShippedConfiguration.page();

    assertThat(page.settings().name()).isEqualTo("Vibe Platform");
    assertThat(page.definition().components()).extracting(c -> c.id()).containsExactly("web", "api", "checkout", "database", "cache");
    assertThat(page.rules().forIncident("checkout-api", Severity.SEV1)).singleElement()
        .satisfies(rule -> assertThat(rule.status()).isEqualTo(ComponentStatus.major_outage));
    assertThat(page.rules().forRegion("us-east-1")).isPresent();
    assertThat(page.templateIds()).containsExactly("region-outage", "service-outage");
  }

  @Test
  void reportsEveryUnknownReferenceByPropertyAtOnce() {
    StatuspageProperties shipped = ShippedConfiguration.properties();
    StatuspageProperties broken = new StatuspageProperties(shipped.page(), shipped.groups(),
        List.of(new StatuspageProperties.Component("api", "API", null, "nope", 0, true, false),
            new StatuspageProperties.Component("api", "API again", null, null, 0, true, false)),
        new StatuspageProperties.Rules(
            List.of(new StatuspageProperties.IncidentRule(List.of(), List.of(), List.of("ghost"), ComponentStatus.major_outage, "none")),
            List.of()),
        shipped.templates(), shipped.timerTick(), shipped.stateDir(), shipped.commandAckTimeout());

    assertThatThrownBy(() -> PageConfiguration.of(broken))
        .hasMessageContaining("lifeline.statuspage.components[0].group: no group 'nope'")
        .hasMessageContaining("lifeline.statuspage.components[1].id: 'api' is defined twice")
        .hasMessageContaining("lifeline.statuspage.rules.incidents[0].components[0]: no component 'ghost'")
        .hasMessageContaining("lifeline.statuspage.rules.incidents[0].template: no template 'none'");
  }

  @Test
  void refusesATemplateThatUsesAnUndocumentedVariable() {
    StatuspageProperties shipped = ShippedConfiguration.properties();
    StatuspageProperties broken = new StatuspageProperties(shipped.page(), shipped.groups(), shipped.components(), shipped.rules(),
        Map.of("region-outage", new StatuspageProperties.Template("x", null, "{{region}}", "{{regoin}} is down", null, null, null),
            "service-outage", shipped.templates().get("service-outage")),
        shipped.timerTick(), shipped.stateDir(), shipped.commandAckTimeout());

    assertThatThrownBy(() -> PageConfiguration.of(broken)).hasMessageContaining("region-outage").hasMessageContaining("regoin");
  }
}
