package io.codelibra.lifeline.statuspage.publicpage;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.statuspage.component.ComponentGroupState;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.incident.PageUpdate;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.maintenance.MaintenancePhase;
import io.codelibra.lifeline.statuspage.maintenance.MaintenanceState;
import io.codelibra.lifeline.statuspage.page.PageSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the public HTML page shows, computed from one snapshot at one moment: the overall status, active incidents,
 * active and upcoming maintenance, components (grouped) with their uptime bars, and the incident history of the
 * last {@value #HISTORY_DAYS} days. Every text is plain here; the template escapes it.
 */
public record StatusPageView(
    String pageName,
    String pageUrl,
    String timeZone,
    String indicator,
    String description,
    String updatedAt,
    String updatedAtIso,
    int uptimeDays,
    List<IncidentView> activeIncidents,
    List<MaintenanceView> activeMaintenances,
    List<MaintenanceView> upcomingMaintenances,
    List<EntryView> entries,
    List<HistoryDayView> history) {

  /** Statuspage's page shows the past incidents of the last 14 days. */
  public static final int HISTORY_DAYS = 14;

  /** Anchor of an incident or maintenance on the page, the target of its API shortlink. */
  static final String ANCHOR = "incident-";

  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMM d, HH:mm z", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

  public boolean hasActiveIncidents() {
    return !activeIncidents.isEmpty();
  }

  public boolean hasActiveMaintenances() {
    return !activeMaintenances.isEmpty();
  }

  public boolean hasUpcomingMaintenances() {
    return !upcomingMaintenances.isEmpty();
  }

  /** Heading levels for the shared incident and component templates, one below the section they appear in. */
  public String incidentHeading() {
    return "h3";
  }

  public String componentHeading() {
    return "h3";
  }

  /** An incident with its updates, newest first. */
  public record IncidentView(String anchor, String name, String impact, String impactLabel, String statusLabel,
      String affected, List<UpdateView> updates) {
  }

  /** One update of an incident or maintenance. */
  public record UpdateView(String statusLabel, String body, String at, String atIso) {
  }

  /** A maintenance window with its updates, newest first. */
  public record MaintenanceView(String anchor, String name, String statusLabel, String from, String fromIso, String until,
      String untilIso, String affected, List<UpdateView> updates) {
  }

  /** A top-level item of the component list: a group or a single component (the other is null). */
  public record EntryView(GroupView group, ComponentView component) {
  }

  /** A component group: its members' worst status and the members shown. */
  public record GroupView(String name, String description, String status, String statusLabel, List<ComponentView> members) {
    public String componentHeading() {
      return "h4";
    }
  }

  /** A component, its status and its uptime bars. */
  public record ComponentView(String name, String description, String status, String statusLabel, String barsLabel,
      List<UptimeBars.Bar> bars, String uptime) {
  }

  /** A day of the incident history and the incidents that began on it, newest first. */
  public record HistoryDayView(String date, String dateIso, List<IncidentView> incidents, String none) {
    public String incidentHeading() {
      return "h4";
    }
  }

  public static StatusPageView of(PageSnapshot snapshot, Instant now) {
    return new Builder(snapshot, now).build();
  }

  private static final class Builder {

    private final PageSnapshot snapshot;
    private final Instant now;
    private final ZoneId zone;

    Builder(PageSnapshot snapshot, Instant now) {
      this.snapshot = snapshot;
      this.now = now;
      this.zone = snapshot.settings().timeZone();
    }

    StatusPageView build() {
      PageStatus status = PageStatus.of(snapshot.components(), snapshot.incidents());
      return new StatusPageView(
          text(snapshot.settings().name()),
          text(snapshot.settings().url()),
          zone.getId(),
          status.indicator().name(),
          status.description(),
          moment(snapshot.updatedAt()),
          iso(snapshot.updatedAt()),
          snapshot.settings().uptimeDays(),
          snapshot.incidents().stream().filter(StatusIncidentState::open).map(incident -> incident(incident, ANCHOR)).toList(),
          maintenances(MaintenancePhase::active),
          maintenances(phase -> phase == MaintenancePhase.scheduled),
          entries(),
          history());
    }

    private List<MaintenanceView> maintenances(Predicate<MaintenancePhase> phase) {
      return snapshot.maintenances().stream().filter(maintenance -> phase.test(maintenance.phase())).map(this::maintenance).toList();
    }

    private IncidentView incident(StatusIncidentState incident, String anchorPrefix) {
      return new IncidentView(anchorPrefix + incident.id(), text(incident.name()), incident.impact().name(),
          StatusLabels.of(incident.impact()), StatusLabels.ofLifecycle(incident.status().name()),
          names(incident.componentStatuses().keySet()), updates(incident.updates()));
    }

    private MaintenanceView maintenance(MaintenanceState maintenance) {
      return new MaintenanceView(ANCHOR + maintenance.id(), text(maintenance.title()),
          StatusLabels.ofLifecycle(maintenance.phase().name()), moment(maintenance.scheduledFor()), iso(maintenance.scheduledFor()),
          moment(maintenance.scheduledUntil()), iso(maintenance.scheduledUntil()), names(maintenance.componentIds()),
          updates(StatuspageJson.maintenanceUpdates(maintenance)));
    }

    private List<UpdateView> updates(List<PageUpdate> updates) {
      List<UpdateView> views = new ArrayList<>();
      for (int i = updates.size() - 1; i >= 0; i--) {
        PageUpdate update = updates.get(i);
        views.add(new UpdateView(StatusLabels.ofLifecycle(update.status()), text(update.body()), moment(update.createdAt()),
            iso(update.createdAt())));
      }
      return views;
    }

    private String names(Collection<String> componentIds) {
      return String.join(", ", componentIds.stream().map(id -> snapshot.component(id).map(ComponentState::name).orElse(null))
          .filter(Objects::nonNull).toList());
    }

    private List<EntryView> entries() {
      List<EntryView> entries = new ArrayList<>();
      for (PageLayout.Entry entry : PageLayout.of(snapshot).entries()) {
        switch (entry) {
          case PageLayout.Group group -> {
            List<ComponentView> members = group.members().stream().filter(Builder::shown).map(this::component).toList();
            if (!members.isEmpty() || group.members().isEmpty()) {
              ComponentGroupState state = group.group();
              entries.add(new EntryView(new GroupView(text(state.name()), text(state.description()), group.status().name(),
                  StatusLabels.of(group.status()), members), null));
            }
          }
          case PageLayout.Single single -> {
            if (shown(single.component())) {
              entries.add(new EntryView(null, component(single.component())));
            }
          }
        }
      }
      return entries;
    }

    /** Statuspage hides an only-show-if-degraded component while it is operational. */
    private static boolean shown(ComponentState component) {
      return !component.onlyShowIfDegraded() || component.status() != ComponentStatus.operational;
    }

    private ComponentView component(ComponentState component) {
      int days = snapshot.settings().uptimeDays();
      UptimeBars uptime = UptimeBars.of(snapshot.histories().get(component.id()), now, zone, days);
      String barsLabel = component.name() + ": uptime over the last " + days + " days, " + uptime.overall();
      return new ComponentView(text(component.name()), text(component.description()), component.status().name(),
          StatusLabels.of(component.status()), barsLabel, uptime.bars(), uptime.overall());
    }

    private List<HistoryDayView> history() {
      LocalDate today = LocalDate.ofInstant(now, zone);
      List<HistoryDayView> days = new ArrayList<>();
      for (int back = 0; back < HISTORY_DAYS; back++) {
        LocalDate day = today.minusDays(back);
        List<IncidentView> incidents = snapshot.incidents().stream()
            .filter(incident -> LocalDate.ofInstant(incident.createdAt(), zone).equals(day))
            // An open incident's anchor (its shortlink's target) is in the active incidents; ids stay unique.
            .map(incident -> incident(incident, incident.open() ? "history-" + ANCHOR : ANCHOR)).toList();
        days.add(new HistoryDayView(DAY.format(day), day.toString(), incidents,
            back == 0 ? "No incidents reported today." : "No incidents reported."));
      }
      return days;
    }

    private String moment(Instant instant) {
      return instant == null ? "" : MOMENT.format(instant.atZone(zone));
    }

    private String iso(Instant instant) {
      return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    private static String text(String value) {
      return value == null ? "" : value;
    }
  }
}
