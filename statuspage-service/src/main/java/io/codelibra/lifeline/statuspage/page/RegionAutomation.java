package io.codelibra.lifeline.statuspage.page;

import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StatusChangeCauseType;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.statuspage.component.Contribution;
import io.codelibra.lifeline.statuspage.incident.AffectedComponent;
import io.codelibra.lifeline.statuspage.incident.StatusIncidentState;
import io.codelibra.lifeline.statuspage.rules.RegionRule;
import io.codelibra.lifeline.statuspage.rules.StatusRules;
import io.codelibra.lifeline.statuspage.template.CommunicationTemplates;
import io.codelibra.lifeline.statuspage.template.RenderedMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region-outage flow on the page, one status incident per outage of a region pair, its texts from the
 * rule's template: the region turns unhealthy -> its components {@code major_outage}, incident
 * {@code investigating}; failover completed -> {@code degraded_performance}, update {@code monitoring};
 * region restored -> {@code operational}, incident {@code resolved}. A degraded region shows
 * {@code degraded_performance} while no outage is open. Dry runs and failed failovers change nothing.
 */
final class RegionAutomation {

  private final StatusRules rules;
  private final CommunicationTemplates templates;

  RegionAutomation(StatusRules rules, CommunicationTemplates templates) {
    this.rules = rules;
    this.templates = templates;
  }

  void healthChanged(PageWork work, RegionHealthChanged changed) {
    Optional<RegionRule> rule = rules.forRegion(changed.getRegion());
    if (rule.isEmpty()) {
      return;
    }
    String pair = changed.getRegionPair();
    Optional<StatusIncidentState> outage = openOutage(work, pair);
    String reason = changed.getRegion() + " " + changed.getHealth() + ": " + changed.getReason();
    if (changed.getHealth() == RegionHealth.unhealthy) {
      List<AffectedComponent> affected = work.contribute(rule.get().components(),
          new Contribution(ComponentStatus.major_outage, reason, StatusChangeCauseType.failover, pair));
      if (outage.isEmpty()) {
        Instant started = changed.getFirstFailureAt() != null ? changed.getFirstFailureAt() : changed.getOccurredAt();
        Map<String, Object> variables = variables(work, rule.get(), pair, started);
        variables.put("reason", changed.getReason());
        RenderedMessage message = templates.render(rule.get().templateId(), StatusIncidentStatus.investigating.name(), variables);
        Map<String, ComponentStatus> held = new LinkedHashMap<>();
        rule.get().components().stream().filter(id -> work.page.component(id).isPresent())
            .forEach(id -> held.put(id, ComponentStatus.major_outage));
        work.postIncident(null, outageId(pair, work.now), message.title(), StatusIncidentStatus.investigating,
            Impacts.of(ComponentStatus.major_outage), held, message.body(), affected, rule.get().templateId(),
            null, pair);
      }
    } else if (outage.isEmpty()) {
      if (changed.getHealth() == RegionHealth.degraded) {
        work.contribute(rule.get().components(),
            new Contribution(ComponentStatus.degraded_performance, reason, StatusChangeCauseType.failover, pair));
      } else {
        work.withdraw(StatusChangeCauseType.failover, pair, reason);
      }
    }
  }

  void failoverCompleted(PageWork work, FailoverCompleted completed) {
    boolean succeeded = completed.getOutcome() == RunOutcome.succeeded || completed.getOutcome() == RunOutcome.partially_succeeded;
    if (completed.getDryRun() || !succeeded || completed.getDirection() != FailoverDirection.failover) {
      return;
    }
    Optional<RegionRule> rule = rules.forRegion(completed.getFromRegion());
    if (rule.isEmpty()) {
      return;
    }
    String pair = completed.getRegionPair();
    String reason = "traffic served from " + completed.getToRegion() + " after failover";
    List<AffectedComponent> affected = work.contribute(rule.get().components(),
        new Contribution(ComponentStatus.degraded_performance, reason, StatusChangeCauseType.failover, pair));
    openOutage(work, pair).ifPresent(incident -> post(work, rule.get(), incident, StatusIncidentStatus.monitoring, affected));
  }

  void restored(PageWork work, RegionRestored restored) {
    Optional<RegionRule> rule = rules.forRegion(restored.getRegion());
    if (rule.isEmpty()) {
      return;
    }
    String pair = restored.getRegionPair();
    List<AffectedComponent> affected = work.withdraw(StatusChangeCauseType.failover, pair, restored.getRegion() + " restored");
    openOutage(work, pair).ifPresent(incident -> post(work, rule.get(), incident, StatusIncidentStatus.resolved, affected));
  }

  private void post(PageWork work, RegionRule rule, StatusIncidentState incident, StatusIncidentStatus status,
      List<AffectedComponent> affected) {
    RenderedMessage message = templates.render(incident.templateId(), status.name(),
        variables(work, rule, incident.regionPair(), incident.createdAt()));
    work.postIncident(incident, incident.id(), incident.name(), status, incident.impact(), Map.of(), message.body(), affected,
        incident.templateId(), incident.lifelineIncidentId(), incident.regionPair());
  }

  private static Optional<StatusIncidentState> openOutage(PageWork work, String pair) {
    return work.page.incidents().stream().filter(incident -> incident.open() && pair.equals(incident.regionPair())).findFirst();
  }

  private static String outageId(String pair, Instant now) {
    return "region-" + pair.replace('/', '-') + "-" + now.getEpochSecond();
  }

  private static Map<String, Object> variables(PageWork work, RegionRule rule, String pair, Instant started) {
    Map<String, Object> variables = new LinkedHashMap<>(MessageVariables.of(work.page.settings(),
        work.components(rule.components()), started, work.now));
    String[] regions = pair.split("/", 2);
    variables.put("region", rule.region());
    variables.put("secondary_region", regions.length == 2 ? regions[1] : "");
    variables.put("region_pair", pair);
    variables.putIfAbsent("reason", "");
    return variables;
  }
}
