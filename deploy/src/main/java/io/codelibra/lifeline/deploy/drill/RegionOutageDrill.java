package io.codelibra.lifeline.deploy.drill;

import io.codelibra.lifeline.deploy.local.StackKafka;
import io.codelibra.lifeline.events.AlertRaised;
import io.codelibra.lifeline.events.ComponentStatus;
import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.codelibra.lifeline.events.FailoverCompleted;
import io.codelibra.lifeline.events.FailoverDirection;
import io.codelibra.lifeline.events.FailoverRequested;
import io.codelibra.lifeline.events.IncidentEscalated;
import io.codelibra.lifeline.events.IncidentOpened;
import io.codelibra.lifeline.events.IncidentResolved;
import io.codelibra.lifeline.events.NotificationRequested;
import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStarted;
import io.codelibra.lifeline.events.RegionHealth;
import io.codelibra.lifeline.events.RegionHealthChanged;
import io.codelibra.lifeline.events.RegionRestored;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.Severity;
import io.codelibra.lifeline.events.StatusIncidentStatus;
import io.codelibra.lifeline.events.StatusIncidentUpdated;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code ./lifeline drill region-outage}: on the running local stack, breaks the primary demo region and follows the
 * core flow through every topic, printing each step as it is observed: health change, critical alert, incident
 * opened and paged, status page major outage from its template, failover requested and completed (www served by
 * us-west-2), the recovery runbook with its RTO/RPO, escalation when nobody acknowledges; then clears the fault and
 * follows the restoration, the failback after the drill's approval, the status page back to operational, the
 * incident resolved and the post-incident review draft. Exit 0 only when every step was observed in order.
 */
public final class RegionOutageDrill {

  private static final String REGION_ALARM = "region-unhealthy:";

  private final DrillSettings settings;
  private final StackKafka kafka;
  private final StackHttp http;
  private final PrintStream out;
  private final List<SpecificRecord> seen = new ArrayList<>();
  private final BlockingQueue<SpecificRecord> arriving = new LinkedBlockingQueue<>();
  private DrillTimeline timeline;
  private String incidentId = "?";

  public RegionOutageDrill(DrillSettings settings, StackKafka kafka, StackHttp http, PrintStream out) {
    this.settings = settings;
    this.kafka = kafka;
    this.http = http;
    this.out = out;
  }

  /** Runs the drill; 0 when it passed, 1 when a step was missing or out of order, 2 when the stack was not ready. */
  public int run() throws Exception {
    Optional<String> notReady = http.pairNotReady(settings.primary());
    if (notReady.isPresent()) {
      out.println("the stack is not ready for a region-outage drill: " + notReady.get());
      return 2;
    }
    kafka.reader(List.of("alerts", "incidents", "notifications", "status.components", "status.incidents",
        "failover.requests", "failover.events", "recovery.runs"), record -> arriving.add(record.value()));
    out.println("region-outage drill on " + settings.primary() + "/" + settings.secondary() + " (escalation delays as configured"
        + " on the stack: the local profile divides them by 60, 15 min -> 15 s)");
    timeline = new DrillTimeline(Instant.now());
    boolean faultOn = false;
    try {
      http.fault(settings.primary(), true);
      faultOn = true;
      note("fault-injected", "the primary's fault switched on", List.of(), Instant.now(), "PUT /fault on");
      outage();
      http.fault(settings.primary(), false);
      faultOn = false;
      note("fault-cleared", "the primary's fault switched off", List.of("recovery-completed", "escalated"), Instant.now(),
          "PUT /fault off");
      restoration();
    } finally {
      if (faultOn) {
        http.fault(settings.primary(), false);
      }
      kafka.stop();
    }
    List<String> problems = timeline.problems();
    out.println(problems.isEmpty() ? "verdict: PASSED, every step observed in order"
        : "verdict: FAILED\n  " + String.join("\n  ", problems));
    DrillReport.write(timeline, settings.reportDirectory(), out);
    return problems.isEmpty() ? 0 : 1;
  }

  private void outage() throws Exception {
    String primary = settings.primary();
    expect("region-unhealthy", "RegionHealthChanged: the primary judged unhealthy", List.of("fault-injected"),
        RegionHealthChanged.class, changed -> changed.getRegion().equals(primary) && changed.getHealth() == RegionHealth.unhealthy,
        RegionHealthChanged::getReason);
    expect("critical-alert", "AlertRaised SEV1 for the region", List.of("region-unhealthy"), AlertRaised.class,
        alert -> alert.getFingerprint().equals(REGION_ALARM + primary) && alert.getSeverity() == Severity.SEV1,
        AlertRaised::getSummary);
    Optional<IncidentOpened> incident = expect("incident-opened", "IncidentOpened from the alert", List.of("critical-alert"),
        IncidentOpened.class, opened -> (REGION_ALARM + primary).equals(opened.getAlertFingerprint()),
        opened -> opened.getIncidentId() + " (" + opened.getSeverity() + ", policy " + opened.getEscalationPolicy() + ")");
    String incidentId = incident.map(IncidentOpened::getIncidentId).orElse("?");
    expect("paged", "NotificationRequested: the primary on-call paged", List.of("incident-opened"), NotificationRequested.class,
        request -> request.getIncidentId().equals(incidentId), request -> request.getChannel() + " to " + request.getRecipient());
    expect("status-major-outage", "ComponentStatusChanged: major_outage", List.of("region-unhealthy"), ComponentStatusChanged.class,
        changed -> changed.getStatus() == ComponentStatus.major_outage, changed -> changed.getComponentName() + " major_outage");
    expect("status-incident-posted", "StatusIncidentUpdated from the region-outage template", List.of("region-unhealthy"),
        StatusIncidentUpdated.class, update -> update.getStatus() != StatusIncidentStatus.resolved,
        update -> update.getName() + ": " + update.getStatus() + " (template " + update.getTemplateId() + ")");
    Optional<FailoverRequested> failover = expect("failover-requested", "FailoverRequested to the secondary",
        List.of("region-unhealthy"), FailoverRequested.class,
        request -> request.getDirection() == FailoverDirection.failover && !request.getDryRun(),
        request -> request.getTrigger() + ", epoch " + request.getEpoch());
    String failoverId = failover.map(FailoverRequested::getFailoverId).orElse("?");
    expect("failover-completed", "FailoverCompleted: traffic on the secondary", List.of("failover-requested"),
        FailoverCompleted.class, done -> done.getFailoverId().equals(failoverId) && done.getOutcome() == RunOutcome.succeeded,
        done -> done.getDurationMs() + " ms, traffic on " + done.getActiveRegion());
    check("www-on-secondary", "www served by the secondary", List.of("failover-completed"),
        () -> http.servedBy(settings.secondary()));
    Optional<RecoveryStarted> recovery = expect("recovery-started", "RecoveryStarted: the region failover runbook",
        List.of("failover-requested"), RecoveryStarted.class,
        started -> failover.isPresent() && failover.get().getEventId().equals(started.getTriggerEventId()),
        started -> started.getRunbookId() + " on " + started.getTargetResource());
    String runId = recovery.map(RecoveryStarted::getRunId).orElse("?");
    expect("recovery-completed", "RecoveryCompleted with RTO and RPO", List.of("recovery-started"), RecoveryCompleted.class,
        done -> done.getRunId().equals(runId), done -> done.getOutcome() + ", RTO " + done.getRtoAchievedMs() + " ms, RPO "
            + done.getRpoAchievedMs() + " ms, objectives " + (done.getObjectivesMet() ? "met" : "missed"));
    expect("status-monitoring", "StatusIncidentUpdated: monitoring once served from the secondary", List.of("failover-completed"),
        StatusIncidentUpdated.class, update -> update.getStatus() == StatusIncidentStatus.monitoring,
        update -> update.getName() + ": monitoring");
    expectWithin("escalated", "IncidentEscalated: nobody acknowledged, the next level is paged", List.of("paged"),
        IncidentEscalated.class, escalated -> escalated.getIncidentId().equals(incidentId),
        escalated -> "level " + escalated.getLevel() + " (" + escalated.getReason() + ")", settings.escalationTimeout());
    this.incidentId = incidentId;
  }

  private void restoration() throws Exception {
    String primary = settings.primary();
    expect("region-healthy", "RegionHealthChanged: the primary healthy again", List.of("fault-cleared"), RegionHealthChanged.class,
        changed -> changed.getRegion().equals(primary) && changed.getHealth() == RegionHealth.healthy, RegionHealthChanged::getReason);
    Optional<RegionRestored> restored = expectWithin("region-restored", "RegionRestored after the failback window",
        List.of("region-healthy"), RegionRestored.class, event -> event.getRegion().equals(primary),
        event -> "healthy for " + event.getHealthyWindowMs() + " ms, downtime " + event.getDowntimeMs() + " ms",
        settings.stepTimeout().plus(settings.failbackWindow()));
    if (restored.isPresent()) {
      // The approval counts from when it is given: the answer comes once the pair has acted on it.
      Instant approvedAt = Instant.now();
      String answer = http.approveFailback(settings.operator());
      note("failback-approved", "the failback approved by the drill's operator", List.of("region-restored"), approvedAt, answer);
    } else {
      timeline.missed("failback-approved", "the failback approved by the drill's operator", List.of("region-restored"),
          "not sent: the primary was not restored");
    }
    Optional<FailoverRequested> failback = expect("failback-requested", "FailoverRequested back to the primary",
        List.of("failback-approved"), FailoverRequested.class, request -> request.getDirection() == FailoverDirection.failback,
        request -> request.getTrigger() + ", epoch " + request.getEpoch());
    String failbackId = failback.map(FailoverRequested::getFailoverId).orElse("?");
    expect("failback-completed", "FailoverCompleted: traffic back on the primary", List.of("failback-requested"),
        FailoverCompleted.class, done -> done.getFailoverId().equals(failbackId) && done.getOutcome() == RunOutcome.succeeded,
        done -> done.getDurationMs() + " ms, traffic on " + done.getActiveRegion());
    check("www-on-primary", "www served by the primary again", List.of("failback-completed"), () -> http.servedBy(primary));
    expect("status-operational", "ComponentStatusChanged: operational", List.of("region-healthy"), ComponentStatusChanged.class,
        changed -> changed.getStatus() == ComponentStatus.operational, changed -> changed.getComponentName() + " operational");
    expect("status-incident-resolved", "StatusIncidentUpdated: resolved", List.of("region-healthy"), StatusIncidentUpdated.class,
        update -> update.getStatus() == StatusIncidentStatus.resolved, update -> update.getName() + ": resolved");
    String incident = incidentId;
    expect("incident-resolved", "IncidentResolved", List.of("region-restored"), IncidentResolved.class,
        resolved -> resolved.getIncidentId().equals(incident), resolved -> "by " + resolved.getActor().getId()
            + (resolved.getReason() == null ? "" : ": " + resolved.getReason()));
    check("postmortem-draft", "the post-incident review draft", List.of("incident-resolved"),
        () -> http.postmortem(incident, settings.reportDirectory()));
  }

  private <T extends SpecificRecord> Optional<T> expect(String name, String description, List<String> after, Class<T> type,
      Predicate<T> match, Function<T, CharSequence> detail) throws InterruptedException {
    return expectWithin(name, description, after, type, match, detail, settings.stepTimeout());
  }

  private <T extends SpecificRecord> Optional<T> expectWithin(String name, String description, List<String> after,
      Class<T> type, Predicate<T> match, Function<T, CharSequence> detail, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < seen.size(); checked++) {
        SpecificRecord event = seen.get(checked);
        if (type.isInstance(event) && match.test(type.cast(event))) {
          T found = type.cast(event);
          note(name, description, after, occurredAt(found), String.valueOf(detail.apply(found)));
          return Optional.of(found);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        DrillTimeline.Step missed = timeline.missed(name, description, after, "no " + type.getSimpleName() + " within " + timeout);
        out.printf("  MISSING  %-26s %s%n", name, missed.detail());
        return Optional.empty();
      }
      SpecificRecord next = arriving.poll(Math.min(left, 200_000_000L), TimeUnit.NANOSECONDS);
      if (next != null) {
        seen.add(next);
        arriving.drainTo(seen);
      }
    }
  }

  /** A step checked over HTTP, retried until the step timeout: its answer is the detail, an exception a miss. */
  private void check(String name, String description, List<String> after, StackHttp.Check check) throws InterruptedException {
    long deadline = System.nanoTime() + settings.stepTimeout().toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        note(name, description, after, Instant.now(), check.run());
        return;
      } catch (Exception e) {
        last = e.getMessage();
        Thread.sleep(250);
      }
    }
    timeline.missed(name, description, after, last);
    out.printf("  MISSING  %-26s %s%n", name, last);
  }

  private void note(String name, String description, List<String> after, Instant at, String detail) {
    DrillTimeline.Step step = timeline.observed(name, description, after, at, detail);
    out.printf("  %+8.1fs  %-26s %s%n", timeline.offsetMs(step) / 1000.0, name, detail);
  }

  private static Instant occurredAt(SpecificRecord event) {
    return (Instant) event.get(event.getSchema().getField("occurredAt").pos());
  }
}
