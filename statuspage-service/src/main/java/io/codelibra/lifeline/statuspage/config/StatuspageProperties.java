package io.codelibra.lifeline.statuspage.config;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusIncidentImpact;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The status page's configuration ({@code lifeline.statuspage.*}): the page, its groups and components, the
 * automation rules, the communication templates, and the writer's settings. Spring reports a value of the wrong
 * type with its file and line; {@link PageConfigurationCheck} reports references to unknown ids by property name.
 */
@ConfigurationProperties("lifeline.statuspage")
public record StatuspageProperties(
    @DefaultValue Page page,
    @DefaultValue List<Group> groups,
    @DefaultValue List<Component> components,
    @DefaultValue Rules rules,
    @DefaultValue Map<String, Template> templates,
    @DefaultValue("1s") Duration timerTick,
    @DefaultValue("${java.io.tmpdir}/lifeline/statuspage-service") String stateDir,
    @DefaultValue("10s") Duration commandAckTimeout) {

  /** The page object of the public API. */
  public record Page(
      @DefaultValue("lifeline") String id,
      @DefaultValue("Lifeline") String name,
      @DefaultValue("http://localhost:8083") String url,
      @DefaultValue("Etc/UTC") String timeZone,
      @DefaultValue("90") int uptimeDays,
      @DefaultValue("30m") Duration nextUpdateIn) {
  }

  /** A component group. */
  public record Group(String id, String name, String description, @DefaultValue("0") int position) {
  }

  /** A component; {@code group} is a group id. */
  public record Component(String id, String name, String description, String group, @DefaultValue("0") int position,
      @DefaultValue("true") boolean showcase, @DefaultValue("false") boolean onlyShowIfDegraded) {
  }

  /** Automation rules. */
  public record Rules(@DefaultValue List<IncidentRule> incidents, @DefaultValue List<RegionRule> regions) {
  }

  /** Incidents of these services and severities hold these components at {@code status}. */
  public record IncidentRule(@DefaultValue List<String> services, @DefaultValue List<Severity> severities,
      List<String> components, ComponentStatus status, String template) {
  }

  /** A region's outage affects these components; texts from {@code template}. */
  public record RegionRule(String region, List<String> components, @DefaultValue("region-outage") String template) {
  }

  /** A communication template: Mustache title and one body per incident status. */
  public record Template(String name, StatusIncidentImpact impact, String title, String investigating, String identified,
      String monitoring, String resolved) {
  }
}
