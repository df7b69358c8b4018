package io.codelibra.lifeline.statuspage.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.codelibra.lifeline.events.ComponentOverride;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.MaintenancePlan;
import io.codelibra.lifeline.events.StatusIncidentPost;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusPageChangeRequested;
import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import io.codelibra.lifeline.runtime.publish.PublishNotAcknowledgedException;
import io.codelibra.lifeline.statuspage.config.PageConfiguration;
import io.codelibra.lifeline.statuspage.config.ShippedConfiguration;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import io.codelibra.lifeline.statuspage.page.StatusPage;
import io.codelibra.lifeline.statuspage.page.StatusPageEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The admin API's checks and what it sends to status.commands, over the shipped demo page; the broker is replaced by a
 * recording publisher (authentication and the real broker are covered by StatuspageEndToEndTest).
 */
class AdminApiTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private final List<StatusPageChangeRequested> sent = new ArrayList<>();
  private final PublishedPage published = new PublishedPage();
  private boolean brokerDown;
  private StatusPageEngine engine;
  private StatusPage page;
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    PageConfiguration configuration = ShippedConfiguration.page();
    engine = new StatusPageEngine(configuration.definition(), configuration.rules(), configuration.templates(), UUID::randomUUID);
    page = new StatusPage(configuration.settings());
    engine.configure(page, NOW);
    published.publish(page.snapshot());
    AcknowledgedPublisher publisher = new AcknowledgedPublisher(null, null) {
      @Override
      public void publish(String topic, String key, SpecificRecord event) {
        if (brokerDown) {
          throw new PublishNotAcknowledgedException(topic, new IllegalStateException("broker down"));
        }
        assertThat(topic).isEqualTo("status.commands");
        assertThat(key).isEqualTo("vibe-platform");
        sent.add((StatusPageChangeRequested) event);
      }
    };
    StatusPageCommands commands = new StatusPageCommands(publisher, published, Clock.fixed(NOW, ZoneOffset.UTC));
    mvc = MockMvcBuilders.standaloneSetup(new ComponentAdminController(commands), new IncidentAdminController(commands),
            new MaintenanceAdminController(commands), new TemplateController(configuration, Clock.fixed(NOW, ZoneOffset.UTC)),
            new AuditController(commands))
        .setControllerAdvice(new StatusPageProblems()).build();
  }

  @Test
  void overrideIsSentWithTheOperatorAsActor() throws Exception {
    mvc.perform(put("/api/v1/components/api/override").header("From", "alice@example.com").contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"partial_outage\",\"reason\":\"slow responses\"}"))
        .andExpect(status().isAccepted()).andExpect(jsonPath("$.target").value("component/api"));

    assertThat(sent).singleElement().satisfies(request -> {
      assertThat(request.getActor().getId()).isEqualTo("alice@example.com");
      assertThat(request.getChange()).isEqualTo(new ComponentOverride("api", ComponentStatus.partial_outage, "slow responses"));
    });
  }

  @Test
  void refusesWithoutFromOrReasonOrForAnUnknownComponentAndSendsNothing() throws Exception {
    String body = "{\"status\":\"partial_outage\",\"reason\":\"slow\"}";
    mvc.perform(put("/api/v1/components/api/override").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest()).andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(put("/api/v1/components/api/override").header("From", "a@b.c").contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"partial_outage\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("reason is required: it is shown in the audit log"));
    mvc.perform(put("/api/v1/components/ghost/override").header("From", "a@b.c").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isNotFound());
    mvc.perform(put("/api/v1/components/a%20b").header("From", "a@b.c").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"x\"}"))
        .andExpect(status().isBadRequest());

    assertThat(sent).isEmpty();
  }

  @Test
  void releasingAComponentWithoutOverrideIsAConflict() throws Exception {
    mvc.perform(delete("/api/v1/components/api/override")
            .header("From", "a@b.c"))
        .andExpect(status().isConflict());
  }

  @Test
  void newIncidentFromTemplateGetsAnIdAndHoldsItsComponents() throws Exception {
    mvc.perform(post("/api/v1/incidents").header("From", "a@b.c").contentType(MediaType.APPLICATION_JSON)
            .content("{\"template\":\"service-outage\",\"variables\":{\"title\":\"Slow checkout\"},"
                + "\"components\":{\"checkout\":\"degraded_performance\"}}"))
        .andExpect(status().isAccepted());

    StatusIncidentPost post = (StatusIncidentPost) sent.get(0).getChange();
    assertThat(post.getIncidentId()).hasSize(12);
    assertThat(post.getStatus()).isEqualTo(StatusIncidentStatus.investigating);
    assertThat(post.getTemplateId()).isEqualTo("service-outage");
    assertThat(post.getComponentStatuses()).containsEntry("checkout", ComponentStatus.degraded_performance);
  }

  @Test
  void updateOfAnUnknownIncidentIsNotFound() throws Exception {
    mvc.perform(post("/api/v1/incidents/nope/updates").header("From", "a@b.c").contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"resolved\",\"body\":\"done\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void maintenanceMustEndAfterItStartsAndStepsFollowItsPhase() throws Exception {
    mvc.perform(post("/api/v1/maintenances").header("From", "a@b.c").contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"DB\",\"scheduledFor\":\"2026-11-26T10:00:00Z\",\"scheduledUntil\":\"2026-11-26T09:00:00Z\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/api/v1/maintenances").header("From", "a@b.c").contentType(MediaType.APPLICATION_JSON)
            .content("{\"title\":\"DB upgrade\",\"components\":[\"database\"],\"scheduledFor\":\"2026-11-26T10:00:00Z\","
                + "\"scheduledUntil\":\"2026-11-26T11:00:00Z\"}"))
        .andExpect(status().isAccepted());
    MaintenancePlan plan = (MaintenancePlan) sent.get(0).getChange();
    assertThat(plan.getAutoStart()).isTrue();
    assertThat(plan.getSuppressAlerts()).isTrue();

    engine.apply(page, sent.get(0), NOW);
    published.publish(page.snapshot());
    String id = plan.getMaintenanceId();
    mvc.perform(post("/api/v1/maintenances/" + id + "/verify").header("From", "a@b.c"))
        .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("scheduled")));
    mvc.perform(post("/api/v1/maintenances/" + id + "/start").header("From", "a@b.c")).andExpect(status().isAccepted());
    mvc.perform(post("/api/v1/maintenances/" + id + "/explode").header("From", "a@b.c")).andExpect(status().isNotFound());
  }

  @Test
  void templatePreviewRendersOverTheExamplesAndReportsAMissingVariable() throws Exception {
    mvc.perform(post("/api/v1/templates/region-outage/preview").contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"monitoring\",\"variables\":{\"secondary_region\":\"eu-west-1\"}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.body").value(containsString("served from eu-west-1")));
    mvc.perform(post("/api/v1/templates/nope/preview").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void answers503WithRetryAfterWhenTheBrokerDoesNotAcknowledge() throws Exception {
    brokerDown = true;
    mvc.perform(put("/api/v1/components/api/override").header("From", "a@b.c").contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"partial_outage\",\"reason\":\"slow\"}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "2"));
  }

  @Test
  void auditListsAppliedAndRefusedChangesNewestFirst() throws Exception {
    mvc.perform(put("/api/v1/components/api/override").header("From", "alice@example.com").contentType(MediaType.APPLICATION_JSON)
        .content("{\"status\":\"partial_outage\",\"reason\":\"slow\"}"));
    engine.apply(page, sent.get(0), NOW);
    StatusPageChangeRequested refused = StatusPageChangeRequested.newBuilder(sent.get(0))
        .setEventId(UUID.randomUUID()).setChange(new ComponentOverride("ghost", ComponentStatus.major_outage, "typo")).build();
    engine.refused(page, refused, "no component ghost");
    published.publish(page.snapshot());

    mvc.perform(get("/api/v1/audit?limit=5")).andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].applied").value(false)).andExpect(jsonPath("$[0].outcome").value("no component ghost"))
        .andExpect(jsonPath("$[1].applied").value(true)).andExpect(jsonPath("$[1].actorId").value("alice@example.com"))
        .andExpect(jsonPath("$[1].target").value("component/api"));
  }
}
