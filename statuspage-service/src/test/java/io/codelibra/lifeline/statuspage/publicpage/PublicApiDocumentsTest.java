package io.codelibra.lifeline.statuspage.publicpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.statuspage.page.PageSettings;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PublicApiDocumentsTest {

  private final PublicApiDocuments outage = new PublicApiDocuments(PublicPageSnapshots.outage());

  @Test
  void summaryHasThePageStatusTheComponentsTheUnresolvedIncidentsAndTheOpenMaintenances() {
    JsonNode summary = outage.summary();

    assertThat(summary.propertyNames()).containsExactly("page", "components", "incidents", "scheduled_maintenances", "status");
    assertThat(summary.at("/page/id").asString()).isEqualTo("lifeline");
    assertThat(summary.at("/page/time_zone").asString()).isEqualTo("Etc/UTC");
    assertThat(summary.at("/page/updated_at").asString()).isEqualTo("2026-11-20T14:55:00.000Z");
    assertThat(summary.at("/status/indicator").asString()).isEqualTo("critical");
    assertThat(summary.at("/status/description").asString()).isEqualTo("Major System Outage");
    assertThat(ids(summary.get("incidents"))).containsExactly("inc-open");
    assertThat(ids(summary.get("scheduled_maintenances"))).containsExactly("mnt-active", "mnt-upcoming");
  }

  @Test
  void statusHasOnlyThePageAndTheStatus() {
    JsonNode status = outage.status();

    assertThat(status.propertyNames()).containsExactly("page", "status");
    assertThat(status.at("/status/indicator").asString()).isEqualTo("critical");
  }

  @Test
  void groupsAreComponentsWithTheirMembersWorstStatusFollowedByTheMembers() {
    JsonNode components = outage.components().get("components");

    assertThat(ids(components)).containsExactly("platform", "api", "website", "notifications", "search");
    JsonNode group = components.get(0);
    assertThat(group.get("group").asBoolean()).isTrue();
    assertThat(group.get("status").asString()).isEqualTo("major_outage");
    assertThat(group.get("components").valueStream().map(JsonNode::asString).toList()).containsExactly("api", "website");
    assertThat(group.get("group_id").isNull()).isTrue();
    JsonNode api = components.get(1);
    assertThat(api.propertyNames()).containsExactly("id", "name", "status", "created_at", "updated_at", "position", "description",
        "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded");
    assertThat(api.get("group_id").asString()).isEqualTo("platform");
    assertThat(api.get("group").asBoolean()).isFalse();
    assertThat(api.get("page_id").asString()).isEqualTo("lifeline");
    assertThat(components.get(3).get("group_id").isNull()).isTrue();
    assertThat(components.get(4).get("only_show_if_degraded").asBoolean()).isTrue();
  }

  @Test
  void anIncidentHasStatuspagesFieldsAndItsUpdatesNewestFirst() {
    JsonNode incident = outage.unresolvedIncidents().at("/incidents/0");

    assertThat(incident.propertyNames()).containsExactly("id", "name", "status", "created_at", "updated_at", "monitoring_at",
        "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates", "components");
    assertThat(incident.get("status").asString()).isEqualTo("identified");
    assertThat(incident.get("impact").asString()).isEqualTo("critical");
    assertThat(incident.get("resolved_at").isNull()).isTrue();
    assertThat(incident.get("shortlink").asString()).isEqualTo("https://status.example.test/#incident-inc-open");
    assertThat(ids(incident.get("incident_updates"))).containsExactly("inc-open-u2", "inc-open-u1");
    JsonNode first = incident.at("/incident_updates/1");
    assertThat(first.get("body").asString()).isEqualTo("We are investigating errors on the API. <script>alert(1)</script>");
    assertThat(first.get("incident_id").asString()).isEqualTo("inc-open");
    assertThat(first.at("/affected_components/0/code").asString()).isEqualTo("api");
    assertThat(first.at("/affected_components/0/old_status").asString()).isEqualTo("operational");
    assertThat(first.at("/affected_components/0/new_status").asString()).isEqualTo("major_outage");
    assertThat(first.get("deliver_notifications").asBoolean()).isTrue();
    assertThat(ids(incident.get("components"))).containsExactly("api");
  }

  @Test
  void incidentsAreTheFiftyMostRecent() {
    JsonNode incidents = new PublicApiDocuments(PublicPageSnapshots.withResolvedIncidents(60)).incidents().get("incidents");

    assertThat(incidents.size()).isEqualTo(PublicApiDocuments.RECENT_LIMIT);
    assertThat(incidents.get(0).get("id").asString()).isEqualTo("inc-open");
    assertThat(incidents.get(49).get("id").asString()).isEqualTo("old-47");
  }

  @Test
  void maintenancesAreSplitIntoUpcomingAndActiveWithImpactMaintenance() {
    assertThat(ids(outage.upcomingMaintenances().get("scheduled_maintenances"))).containsExactly("mnt-upcoming");
    assertThat(ids(outage.activeMaintenances().get("scheduled_maintenances"))).containsExactly("mnt-active");
    JsonNode upcoming = outage.upcomingMaintenances().at("/scheduled_maintenances/0");
    assertThat(upcoming.get("impact").asString()).isEqualTo("maintenance");
    assertThat(upcoming.get("status").asString()).isEqualTo("scheduled");
    assertThat(upcoming.get("scheduled_for").asString()).isEqualTo("2026-11-22T15:00:00.000Z");
    assertThat(upcoming.get("scheduled_until").asString()).isEqualTo("2026-11-22T16:00:00.000Z");
    assertThat(upcoming.at("/incident_updates/0/status").asString()).isEqualTo("scheduled");
    assertThat(upcoming.at("/incident_updates/0/body").asString()).isEqualTo("Routine network work, no interruption expected.");
    assertThat(upcoming.at("/incident_updates/0/affected_components").isNull()).isTrue();
    assertThat(ids(upcoming.get("components"))).containsExactly("api");
  }

  @Test
  void timestampsCarryTheOffsetOfThePagesTimeZone() {
    PageSettings denver = new PageSettings("p", "P", "https://p.test", ZoneId.of("America/Denver"), 90, Duration.ofMinutes(30));
    JsonNode summary = new PublicApiDocuments(PublicPageSnapshots.outage(denver, 1)).summary();

    assertThat(summary.at("/page/time_zone").asString()).isEqualTo("America/Denver");
    assertThat(summary.at("/page/updated_at").asString()).isEqualTo("2026-11-20T07:55:00.000-07:00");
    assertThat(summary.at("/incidents/0/created_at").asString()).isEqualTo("2026-11-20T06:00:00.000-07:00");
  }

  private static List<String> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(node -> node.get("id").asString()).toList();
  }
}
