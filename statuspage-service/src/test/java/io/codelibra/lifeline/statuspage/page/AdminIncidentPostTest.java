package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.runtime.streams.Emission;
import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.ALICE;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.T0;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.change;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.configuredPage;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.eventsOf;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.minutes;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.only;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.opened;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.resolved;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.statusChanges;
import static io.codelibra.lifeline.statuspage.page.PageFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentPost;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.template.TemplateException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status incidents posted by administrators ({@code StatusIncidentPost}), with their components and templates. */
class AdminIncidentPostTest {

  private final StatusPageEngine engine = PageFixtures.engine();
  private final StatusPage page = configuredPage(engine);

  private static StatusIncidentPost.Builder post(String incidentId, StatusIncidentStatus status) {
    return StatusIncidentPost.newBuilder().setIncidentId(incidentId).setStatus(status);
  }

  private List<Emission> apply(StatusIncidentPost.Builder post, Instant at) {
    return engine.apply(page, change(post.build(), at), at);
  }

  private ComponentStatus status(String componentId) {
    return page.component(componentId).orElseThrow().status();
  }

  private StatusIncidentState incident(String id) {
    return page.incident(id).orElseThrow();
  }

  @Test
  void aNewIncidentHoldsItsComponentsAtTheGivenStatusesAndTakesItsImpactFromTheWorst() {
    List<Emission> emissions = apply(post("slow-logins", StatusIncidentStatus.investigating).setName("Slow logins")
        .setBody("We are looking into slow logins.").setComponentStatuses(Map.of("web", partial_outage)), T0);

    assertThat(types(emissions)).containsExactly("ComponentStatusChanged", "StatusIncidentUpdated");
    assertThat(statusChanges(emissions)).containsExactly("web: operational -> partial_outage");
    ComponentStatusChanged changed = only(emissions, ComponentStatusChanged.class);
    assertThat(changed.getReason()).isEqualTo("Slow logins");
    assertThat(changed.getCause().getType()).isEqualTo(StatusChangeCauseType.incident);
    assertThat(changed.getCause().getId()).isEqualTo("slow-logins");
    assertThat(changed.getActor()).isEqualTo(ALICE);

    StatusIncidentUpdated posted = only(emissions, StatusIncidentUpdated.class);
    assertThat(posted.getName()).isEqualTo("Slow logins");
    assertThat(posted.getBody()).isEqualTo("We are looking into slow logins.");
    assertThat(posted.getImpact()).isEqualTo(StatusIncidentImpact.major);
    assertThat(posted.getComponentIds()).containsExactly("web");
    assertThat(posted.getAutomatic()).isFalse();
    assertThat(posted.getActor()).isEqualTo(ALICE);
    assertThat(posted.getTemplateId()).isNull();
    assertThat(incident("slow-logins").componentStatuses()).containsExactly(Map.entry("web", partial_outage));
  }

  @Test
  void updatesKeepNameImpactAndComponentsAndResolvingReleasesTheComponents() {
    apply(post("slow-logins", StatusIncidentStatus.investigating).setName("Slow logins").setBody("Looking into it.")
        .setComponentStatuses(Map.of("web", partial_outage)), T0);

    List<Emission> identified = apply(post("slow-logins", StatusIncidentStatus.identified).setBody("A bad index."), minutes(10));
    assertThat(types(identified)).containsExactly("StatusIncidentUpdated");
    assertThat(incident("slow-logins").name()).isEqualTo("Slow logins");
    assertThat(incident("slow-logins").impact()).isEqualTo(StatusIncidentImpact.major);

    List<Emission> widened = apply(post("slow-logins", StatusIncidentStatus.identified).setBody("API too.")
        .setComponentStatuses(Map.of("api", degraded_performance)), minutes(15));
    assertThat(statusChanges(widened)).containsExactly("api: operational -> degraded_performance");
    assertThat(incident("slow-logins").componentStatuses())
        .containsExactly(Map.entry("web", partial_outage), Map.entry("api", degraded_performance));

    List<Emission> done = apply(post("slow-logins", StatusIncidentStatus.resolved).setBody("Fixed."), minutes(40));
    assertThat(statusChanges(done))
        .containsExactlyInAnyOrder("web: partial_outage -> operational", "api: degraded_performance -> operational");
    StatusIncidentState incident = incident("slow-logins");
    assertThat(incident.status()).isEqualTo(StatusIncidentStatus.resolved);
    assertThat(incident.resolvedAt()).isEqualTo(minutes(40));
    assertThat(incident.updates()).extracting(PageUpdate::status)
        .containsExactly("investigating", "identified", "identified", "resolved");
    assertThat(incident.updates()).extracting(PageUpdate::body).containsExactly("Looking into it.", "A bad index.", "API too.", "Fixed.");
    assertThat(incident.updates().get(3).affectedComponents()).hasSize(2);
  }

  @Test
  void anUpdateCanChangeTheStatusAComponentIsHeldAt() {
    apply(post("slow-logins", StatusIncidentStatus.investigating).setName("Slow logins").setBody("Looking.")
        .setComponentStatuses(Map.of("web", major_outage)), T0);

    List<Emission> better = apply(post("slow-logins", StatusIncidentStatus.monitoring).setBody("Recovering.")
        .setComponentStatuses(Map.of("web", degraded_performance)), minutes(10));

    assertThat(statusChanges(better)).containsExactly("web: major_outage -> degraded_performance");
    assertThat(incident("slow-logins").monitoringAt()).isEqualTo(minutes(10));
    assertThat(incident("slow-logins").impact()).isEqualTo(StatusIncidentImpact.critical);
  }

  @Test
  void anExplicitImpactWinsAndAnIncidentWithoutComponentsIsMinor() {
    apply(post("a", StatusIncidentStatus.investigating).setName("A").setBody("a").setImpact(StatusIncidentImpact.none)
        .setComponentStatuses(Map.of("web", major_outage)), T0);
    apply(post("b", StatusIncidentStatus.investigating).setName("B").setBody("b"), T0);

    assertThat(incident("a").impact()).isEqualTo(StatusIncidentImpact.none);
    assertThat(incident("b").impact()).isEqualTo(StatusIncidentImpact.minor);
    assertThat(incident("b").componentStatuses()).isEmpty();
  }

  @Test
  void titleAndTextComeFromTheTemplateWhenNotGiven() {
    List<Emission> emissions = apply(post("checkout-slow", StatusIncidentStatus.investigating).setTemplateId("service-degradation")
        .setComponentStatuses(Map.of("checkout", partial_outage)), T0);

    StatusIncidentUpdated posted = only(emissions, StatusIncidentUpdated.class);
    assertThat(posted.getName()).isEqualTo("Checkout degraded");
    assertThat(posted.getBody()).isEqualTo("Checkout is partly unavailable.");
    assertThat(posted.getTemplateId()).isEqualTo("service-degradation");

    List<Emission> resolvedPost = apply(post("checkout-slow", StatusIncidentStatus.resolved), minutes(20));
    assertThat(only(resolvedPost, StatusIncidentUpdated.class).getBody()).isEqualTo("Checkout is back to normal.");
    assertThat(status("checkout")).isEqualTo(operational);
  }

  @Test
  void theOperatorsVariablesFillTheTemplate() {
    List<Emission> emissions = apply(post("payments", StatusIncidentStatus.investigating).setTemplateId("service-outage")
        .setVariables(Map.of("severity", "SEV2", "title", "Card payments failing"))
        .setComponentStatuses(Map.of("checkout", major_outage)), T0);

    assertThat(only(emissions, StatusIncidentUpdated.class).getBody())
        .isEqualTo("Checkout failing since 2024-03-04 09:00 UTC (SEV2: Card payments failing). Next update by 2024-03-04 09:30 UTC.");
  }

  @Test
  void aGivenNameAndBodyNeedNoTemplateText() {
    List<Emission> emissions = apply(post("x", StatusIncidentStatus.identified).setTemplateId("service-degradation")
        .setName("Own title").setBody("Own text."), T0);

    StatusIncidentUpdated posted = only(emissions, StatusIncidentUpdated.class);
    assertThat(posted.getName()).isEqualTo("Own title");
    assertThat(posted.getBody()).isEqualTo("Own text.");
  }

  @Test
  void aTemplateVariableTheOperatorDidNotGiveRefusesThePostAndChangesNothing() {
    StatusIncidentPost.Builder missing = post("payments", StatusIncidentStatus.investigating).setTemplateId("service-outage")
        .setComponentStatuses(Map.of("checkout", major_outage));

    assertThatThrownBy(() -> apply(missing, T0)).isInstanceOf(TemplateException.class).hasMessageContaining("service-outage");
    assertThat(page.incidents()).isEmpty();
    assertThat(status("checkout")).isEqualTo(operational);
    assertThat(page.drainDirty()).isEmpty();
  }

  @Test
  void aTemplateWithoutTextForTheStatusRefusesThePost() {
    StatusIncidentPost.Builder identified = post("x", StatusIncidentStatus.identified).setTemplateId("service-degradation");

    assertThatThrownBy(() -> apply(identified, T0)).isInstanceOf(TemplateException.class)
        .hasMessage("template 'service-degradation' has no text for status 'identified'");
  }

  @Test
  void aPostWithNeitherTextNorTemplateIsRefused() {
    assertThatThrownBy(() -> apply(post("x", StatusIncidentStatus.investigating).setName("X"), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("an incident update needs a body or a template");
  }

  @Test
  void aNewIncidentWithoutNameOrTemplateIsRefused() {
    assertThatThrownBy(() -> apply(post("x", StatusIncidentStatus.investigating).setBody("text"), T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a new incident needs a name or a template");
  }

  @Test
  void aPostNamingAnUnknownComponentIsRefusedAndChangesNothing() {
    StatusIncidentPost.Builder unknown = post("x", StatusIncidentStatus.investigating).setName("X").setBody("x")
        .setComponentStatuses(Map.of("web", major_outage, "nope", major_outage));

    assertThatThrownBy(() -> apply(unknown, T0)).isInstanceOf(IllegalArgumentException.class).hasMessage("no component nope");
    assertThat(status("web")).isEqualTo(operational);
    assertThat(page.incidents()).isEmpty();
  }

  @Test
  void anOperatorCanUpdateAnAutomatedIncidentAndItKeepsItsTemplateAndOrigin() {
    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);

    List<Emission> emissions = apply(post("lifeline-inc-1", StatusIncidentStatus.identified).setBody("Bad deploy, rolling back."),
        minutes(5));

    StatusIncidentUpdated posted = only(emissions, StatusIncidentUpdated.class);
    assertThat(posted.getName()).isEqualTo("Checkout outage");
    assertThat(posted.getLifelineIncidentId()).isEqualTo("inc-1");
    assertThat(posted.getTemplateId()).isEqualTo("service-outage");
    assertThat(posted.getAutomatic()).isFalse();
  }

  @Test
  void componentsAnOperatorAddsToAnAutomatedIncidentAreReleasedWhenLifelineResolvesIt() {
    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);
    apply(post("lifeline-inc-1", StatusIncidentStatus.identified).setBody("Web app too.")
        .setComponentStatuses(Map.of("web", partial_outage)), minutes(5));
    assertThat(status("web")).isEqualTo(partial_outage);

    List<Emission> emissions = engine.apply(page, resolved("inc-1", minutes(30)), minutes(30));

    assertThat(statusChanges(emissions)).containsExactlyInAnyOrder("api: major_outage -> operational",
        "web: partial_outage -> operational", "checkout: major_outage -> operational");
    assertThat(page.components()).allSatisfy(component -> assertThat(component.contributions()).isEmpty());
  }

  @Test
  void anOperatorResolvingAnAutomatedIncidentReleasesItsComponents() {
    engine.apply(page, opened("inc-1", "checkout-api", Severity.SEV1, T0), T0);

    List<Emission> emissions = apply(post("lifeline-inc-1", StatusIncidentStatus.resolved).setBody("Fixed."), minutes(30));

    assertThat(statusChanges(emissions))
        .containsExactlyInAnyOrder("api: major_outage -> operational", "checkout: major_outage -> operational");
    assertThat(incident("lifeline-inc-1").open()).isFalse();
    assertThat(engine.apply(page, resolved("inc-1", minutes(40)), minutes(40))).isEmpty();
  }

  @Test
  void resolvingOneIncidentLeavesAnotherIncidentsHoldOnTheSameComponent() {
    apply(post("a", StatusIncidentStatus.investigating).setName("A").setBody("a").setComponentStatuses(Map.of("web", major_outage)), T0);
    apply(post("b", StatusIncidentStatus.investigating).setName("B").setBody("b")
        .setComponentStatuses(Map.of("web", degraded_performance)), T0);

    List<Emission> emissions = apply(post("a", StatusIncidentStatus.resolved).setBody("a done"), minutes(10));

    assertThat(statusChanges(emissions)).containsExactly("web: major_outage -> degraded_performance");
    assertThat(eventsOf(emissions, StatusIncidentUpdated.class)).hasSize(1);
  }
}
