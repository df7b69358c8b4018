package io.codelibra.lifeline.statuspage.publicpage;

import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.under_maintenance;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.statuspage.component.ComponentGroupState;
import io.codelibra.lifeline.statuspage.component.ComponentHistory;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.page.PageSettings;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages for the public read side's tests, at {@link #NOW}: an outage (API in major outage under an open critical
 * incident whose first update carries a script tag), a maintenance in progress, one scheduled, and an incident
 * resolved three days ago.
 */
final class PublicPageSnapshots {

  static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
  static final String SCRIPT = "<script>alert(1)</script>";
  static final PageSettings SETTINGS =
      new PageSettings("lifeline", "Lifeline", "https://status.example.test", ZoneId.of("Etc/UTC"), 90, Duration.ofMinutes(30));

  private PublicPageSnapshots() {
  }

  static PageSnapshot outage() {
    return outage(SETTINGS, 7);
  }

  static PageSnapshot outage(PageSettings settings, long version) {
    Instant created = NOW.minus(Duration.ofDays(200));
    ComponentGroupState platform = new ComponentGroupState("platform", "Platform", "Everything customers touch", 1, created, created);
    List<ComponentState> components = List.of(
        component("api", "API", "platform", 1, major_outage, false, NOW.minus(Duration.ofHours(2))),
        component("website", "Website & <b>docs</b>", "platform", 2, operational, false, created),
        component("notifications", "Notifications", null, 2, under_maintenance, false, NOW.minus(Duration.ofMinutes(30))),
        component("search", "Search", null, 3, operational, true, created));
    Map<String, ComponentHistory> histories = new LinkedHashMap<>();
    histories.put("api", ComponentHistory.startingAt("api", operational, NOW.minus(Duration.ofDays(100)))
        .changedTo(major_outage, NOW.minus(Duration.ofDays(3)).minus(Duration.ofHours(1)), settings.historyRetention())
        .changedTo(operational, NOW.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(48)), settings.historyRetention())
        .changedTo(major_outage, NOW.minus(Duration.ofHours(2)), settings.historyRetention()));
    histories.put("website", ComponentHistory.startingAt("website", operational, NOW.minus(Duration.ofDays(10))));
    histories.put("notifications", ComponentHistory.startingAt("notifications", operational, NOW.minus(Duration.ofDays(100)))
        .changedTo(under_maintenance, NOW.minus(Duration.ofMinutes(30)), settings.historyRetention()));
    return new PageSnapshot(settings, version, NOW.minus(Duration.ofMinutes(5)), List.of(platform), components, histories,
        List.of(openIncident(), resolvedIncident()), List.of(activeMaintenance(), upcomingMaintenance()), List.of(), List.of());
  }

  static PageSnapshot allOperational() {
    Instant created = NOW.minus(Duration.ofDays(30));
    return new PageSnapshot(SETTINGS, 1, created, List.of(),
        List.of(component("api", "API", null, 1, operational, false, created)),
        Map.of("api", ComponentHistory.startingAt("api", operational, created)), List.of(), List.of(), List.of(), List.of());
  }

  /** The outage page with {@code count} more resolved incidents, one a day before the others, newest first. */
  static PageSnapshot withResolvedIncidents(int count) {
    PageSnapshot outage = outage();
    List<StatusIncidentState> incidents = new ArrayList<>(outage.incidents());
    for (int i = 0; i < count; i++) {
      Instant at = NOW.minus(Duration.ofDays(10L + i));
      incidents.add(new StatusIncidentState("old-" + i, "Old incident " + i, StatusIncidentStatus.resolved, StatusIncidentImpact.minor,
          at, at.plusSeconds(600), null, at.plusSeconds(600), Map.of(),
          List.of(new PageUpdate("old-" + i + "-u1", "resolved", "Fixed.", at.plusSeconds(600), List.of())), null, null, null));
    }
    return new PageSnapshot(outage.settings(), outage.version(), outage.updatedAt(), outage.groups(), outage.components(),
        outage.histories(), incidents, outage.maintenances(), outage.subscribers(), outage.audit());
  }

  static StatusIncidentState openIncident() {
    Instant start = NOW.minus(Duration.ofHours(2));
    return new StatusIncidentState("inc-open", "API unavailable", StatusIncidentStatus.identified, StatusIncidentImpact.critical,
        start, NOW.minus(Duration.ofHours(1)), null, null, Map.of("api", major_outage),
        List.of(
            new PageUpdate("inc-open-u1", "investigating", "We are investigating errors on the API. " + SCRIPT, start,
                List.of(new AffectedComponent("api", "API", operational, major_outage))),
            new PageUpdate("inc-open-u2", "identified", "A failed deploy & a full disk: rolling back.", NOW.minus(Duration.ofHours(1)),
                List.of(new AffectedComponent("api", "API", major_outage, major_outage)))),
        "region-outage", "lifeline-incident-1", null);
  }

  static StatusIncidentState resolvedIncident() {
    Instant start = NOW.minus(Duration.ofDays(3)).minus(Duration.ofHours(1));
    Instant end = NOW.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(48));
    return new StatusIncidentState("inc-old", "Slow API responses", StatusIncidentStatus.resolved, StatusIncidentImpact.major, start,
        end, start.plusSeconds(300), end, Map.of("api", major_outage),
        List.of(
            new PageUpdate("inc-old-u1", "investigating", "Requests are slow.", start,
                List.of(new AffectedComponent("api", "API", operational, major_outage))),
            new PageUpdate("inc-old-u2", "resolved", "Back to normal.", end,
                List.of(new AffectedComponent("api", "API", major_outage, operational)))),
        null, null, null);
  }

  static MaintenanceState activeMaintenance() {
    Instant from = NOW.minus(Duration.ofMinutes(30));
    return new MaintenanceState("mnt-active", "Notification queue upgrade", "We upgrade the notification queue.",
        List.of("notifications"), from, NOW.plus(Duration.ofMinutes(90)), MaintenancePhase.in_progress, null, true, true, false,
        NOW.minus(Duration.ofDays(2)), from, from, null,
        List.of(new PageUpdate("mnt-active-u1", "in_progress", "The upgrade has started.", from,
            List.of(new AffectedComponent("notifications", "Notifications", operational, under_maintenance)))));
  }

  static MaintenanceState upcomingMaintenance() {
    Instant from = NOW.plus(Duration.ofDays(2));
    return new MaintenanceState("mnt-upcoming", "Network maintenance", "Routine network work, no interruption expected.",
        List.of("api"), from, from.plus(Duration.ofHours(1)), MaintenancePhase.scheduled, null, true, true, false,
        NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)), null, null, List.of());
  }

  static ComponentState component(String id, String name, String groupId, int position, ComponentStatus status,
      boolean onlyShowIfDegraded, Instant updatedAt) {
    Instant created = NOW.minus(Duration.ofDays(200));
    return new ComponentState(id, name, name + " description", groupId, position, true, onlyShowIfDegraded, created, updatedAt,
        status, Map.of(), null);
  }
}
