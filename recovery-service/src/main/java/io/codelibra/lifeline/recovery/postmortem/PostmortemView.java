package io.codelibra.lifeline.recovery.postmortem;

import java.util.List;

/**
 * What {@code postmortem/postmortem.md.mustache} shows: times already formatted, durations in people's words, and every
 * text from the events already neutralised by {@link MarkdownText} for where it goes (table cell, code span, one line).
 * A {@code null} component is something the events do not tell; the template leaves its section out.
 */
record PostmortemView(String title, String generatedAt, Summary summary, Impact impact, List<TimelineRow> timeline,
    Failover failover, Recovery recovery, List<String> wentWell, List<String> wentWrong, ActionItems actionItems,
    Procedures procedures) {

  /** The summary table; {@code opened}, {@code acknowledged}, {@code resolved} and {@code escalations} may be null. */
  record Summary(String incident, Opened opened, Acknowledged acknowledged, Resolved resolved, Escalations escalations,
      int alertsRaised) {
  }

  /** From {@code IncidentOpened}; {@code escalationPolicy} and {@code regionPair} may be null. */
  record Opened(String service, String severity, String urgency, String escalationPolicy, String at, String regionPair) {
  }

  /** {@code timeToAcknowledge} may be null. */
  record Acknowledged(String at, String by, String timeToAcknowledge) {
  }

  /** {@code timeToResolve} may be null. */
  record Resolved(String at, String by, String reason, String timeToResolve, int alertCount) {
  }

  record Escalations(int count, int highestLevel) {
  }

  /** What customers and regions saw. */
  record Impact(List<StatusIncident> statusIncidents, List<RestoredRegion> restoredRegions,
      List<UnhealthyRegion> unhealthyRegions, List<Traffic> traffic) {
  }

  /** One status page incident as last updated; {@code components} is null when none was named. */
  record StatusIncident(String name, String impact, String components, String status, String at) {
  }

  /** {@code downtime} and {@code unhealthySince} may be null. */
  record RestoredRegion(String region, String role, String downtime, String unhealthySince, String healthySince) {
  }

  record UnhealthyRegion(String region, String role, String since) {
  }

  record Traffic(String direction, String from, String to, String outcome, String activeRegion) {
  }

  record TimelineRow(String at, String source, String event, String detail) {
  }

  /** The failover runs of the incident; the whole section is null when there were none. */
  record Failover(List<FailoverRun> runs) {
  }

  /** {@code requested} and {@code completed} may be null. */
  record FailoverRun(String title, String id, FailoverRequest requested, FailoverCompletion completed) {
  }

  record FailoverRequest(String at, String by, boolean dryRun, String reason) {
  }

  /** {@code detectionToCompletion} and {@code error} may be null. */
  record FailoverCompletion(String outcome, String duration, String startedAt, String activeRegion,
      String detectionToCompletion, String error, List<FailoverStep> steps) {

    boolean hasSteps() {
      return !steps.isEmpty();
    }
  }

  record FailoverStep(String name, String startedAt, String duration, String outcome, String detail) {
  }

  /** The DR plan's objectives and the runbook runs of the incident. */
  record Recovery(String rto, String rpo, String mttr, List<RecoveryRun> runs) {
  }

  /** {@code started} and {@code completed} may be null. */
  record RecoveryRun(String runbook, String id, RunStart started, RunCompletion completed, List<RunStep> steps) {

    boolean hasSteps() {
      return !steps.isEmpty();
    }
  }

  record RunStart(String title, int tier, String at, String by, String target, boolean dryRun) {
  }

  /** {@code failedStep}, {@code error} and {@code rpoAchieved} may be null; {@code rpoMet} counts only with the last. */
  record RunCompletion(String outcome, String duration, String failedStep, String error, String rtoAchieved,
      String rtoObjective, boolean rtoMet, String rpoAchieved, String rpoObjective, boolean rpoMet) {
  }

  record RunStep(int number, String name, String action, String startedAt, String duration, int attempts, String outcome,
      String error) {
  }

  /** The actions derived from the events, then the two every review has (numbered after them). */
  record ActionItems(List<ActionItem> derived, int preventiveNumber, int monitoringNumber, String followUpDue,
      String longTermDue) {
  }

  record ActionItem(int number, String what, String planStep, String due) {
  }

  /** The DR plan's post-incident procedures, due from the resolution (or from now while unresolved). */
  record Procedures(String base, String immediateDue, String followUpDue, String longTermDue, boolean stakeholdersTold,
      int statusUpdates) {
  }
}
