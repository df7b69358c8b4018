package io.codelibra.lifeline.statuspage.publicpage;

import static io.codelibra.lifeline.events.ComponentStatus.degraded_performance;
import static io.codelibra.lifeline.events.ComponentStatus.major_outage;
import static io.codelibra.lifeline.events.ComponentStatus.operational;
import static io.codelibra.lifeline.events.ComponentStatus.partial_outage;
import static io.codelibra.lifeline.events.ComponentStatus.under_maintenance;
import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.statuspage.component.ComponentState;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.publicpage.PageStatus.Indicator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageStatusTest {

  @Test
  void noComponentsAndNoIncidentIsAllSystemsOperational() {
    assertThat(PageStatus.of(List.of(), List.of())).isEqualTo(new PageStatus(Indicator.none, "All Systems Operational"));
  }

  @Test
  void allOperationalIsAllSystemsOperational() {
    assertThat(status(operational, operational)).isEqualTo(new PageStatus(Indicator.none, "All Systems Operational"));
  }

  @Test
  void oneOfSeveralInMajorOutageIsAPartialSystemOutage() {
    assertThat(status(major_outage, partial_outage, operational)).isEqualTo(new PageStatus(Indicator.major, "Partial System Outage"));
  }

  @Test
  void everyComponentInMajorOutageIsAMajorSystemOutage() {
    assertThat(status(major_outage, major_outage)).isEqualTo(new PageStatus(Indicator.critical, "Major System Outage"));
    assertThat(status(major_outage)).isEqualTo(new PageStatus(Indicator.critical, "Major System Outage"));
  }

  @Test
  void somePartialOutageIsAMinorServiceOutageAndAllIsAPartialSystemOutage() {
    assertThat(status(partial_outage, operational)).isEqualTo(new PageStatus(Indicator.minor, "Minor Service Outage"));
    assertThat(status(partial_outage, partial_outage)).isEqualTo(new PageStatus(Indicator.major, "Partial System Outage"));
  }

  @Test
  void degradedPerformanceIsMinor() {
    assertThat(status(degraded_performance, operational)).isEqualTo(new PageStatus(Indicator.minor, "Partially Degraded Service"));
    assertThat(status(degraded_performance)).isEqualTo(new PageStatus(Indicator.minor, "Degraded System Service"));
  }

  @Test
  void maintenanceWithNothingWorseIsServiceUnderMaintenance() {
    assertThat(status(under_maintenance, operational)).isEqualTo(new PageStatus(Indicator.maintenance, "Service Under Maintenance"));
    assertThat(status(under_maintenance, degraded_performance).indicator()).isEqualTo(Indicator.minor);
  }

  @Test
  void anUnresolvedIncidentsImpactIsAFloor() {
    assertThat(PageStatus.of(components(operational), List.of(incident(StatusIncidentImpact.critical, StatusIncidentStatus.investigating))))
        .isEqualTo(new PageStatus(Indicator.critical, "Major System Outage"));
    assertThat(PageStatus.of(components(under_maintenance), List.of(incident(StatusIncidentImpact.minor, StatusIncidentStatus.monitoring))))
        .isEqualTo(new PageStatus(Indicator.minor, "Minor Service Outage"));
  }

  @Test
  void componentsWorseThanTheIncidentKeepTheirWording() {
    assertThat(PageStatus.of(components(major_outage, operational), List.of(incident(StatusIncidentImpact.minor, StatusIncidentStatus.identified))))
        .isEqualTo(new PageStatus(Indicator.major, "Partial System Outage"));
  }

  @Test
  void resolvedIncidentsAndImpactNoneDoNotCount() {
    assertThat(PageStatus.of(components(operational), List.of(incident(StatusIncidentImpact.critical, StatusIncidentStatus.resolved),
        incident(StatusIncidentImpact.none, StatusIncidentStatus.investigating)))).isEqualTo(new PageStatus(Indicator.none, "All Systems Operational"));
  }

  private static PageStatus status(ComponentStatus... statuses) {
    return PageStatus.of(components(statuses), List.of());
  }

  private static List<ComponentState> components(ComponentStatus... statuses) {
    return Arrays.stream(statuses)
        .map(status -> PublicPageSnapshots.component("c-" + status, "C", null, 1, status, false, PublicPageSnapshots.NOW)).toList();
  }

  private static StatusIncidentState incident(StatusIncidentImpact impact, StatusIncidentStatus status) {
    return new StatusIncidentState("i-" + impact + status, "I", status, impact, PublicPageSnapshots.NOW, PublicPageSnapshots.NOW,
        null, null, Map.of(), List.of(), null, null, null);
  }
}
