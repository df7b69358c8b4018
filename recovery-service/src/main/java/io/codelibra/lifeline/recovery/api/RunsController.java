package io.codelibra.lifeline.recovery.api;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.recovery.run.Approvals;
import io.codelibra.lifeline.recovery.run.PendingApprovals;
import io.codelibra.lifeline.recovery.run.RunCoordinator;
import io.codelibra.lifeline.recovery.run.RunLedger;
import io.codelibra.lifeline.recovery.run.RunRecord;
import io.codelibra.lifeline.recovery.run.RunRequest;
import io.codelibra.lifeline.recovery.runbook.Runbook;
import io.codelibra.lifeline.recovery.runbook.RunbookCatalog;
import io.codelibra.lifeline.recovery.schedule.ScheduleConfiguration;
import io.codelibra.lifeline.runtime.http.FromHeader;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runbooks and their runs: list runbooks, start one by hand (or print its plan with a dry run), follow runs, and
 * answer a run's manual gate. Writes need the API key and a {@code From} header naming the person.
 */
@RestController
public class RunsController {

  private final RunbookCatalog catalog;
  private final RunCoordinator coordinator;
  private final RunLedger ledger;
  private final PendingApprovals approvals;
  private final Clock clock;

  public RunsController(RunbookCatalog catalog, RunCoordinator coordinator, RunLedger ledger, PendingApprovals approvals,
      Clock clock) {
    this.catalog = catalog;
    this.coordinator = coordinator;
    this.ledger = ledger;
    this.approvals = approvals;
    this.clock = clock;
  }

  /** {@code parameters} override the runbook's defaults; {@code outageStartedAt} starts the RTO (default: now). */
  public record StartRequest(Map<String, String> parameters, Boolean dryRun, String incidentId, Instant outageStartedAt) {
  }

  /** {@code approved} false refuses the gate (the run is aborted). */
  public record ApprovalRequest(String step, Boolean approved, String comment) {
  }

  @GetMapping("/api/v1/runbooks")
  public List<RunbookView> runbooks() {
    return catalog.all().stream().map(RunbookView::of).toList();
  }

  @GetMapping("/api/v1/runbooks/{runbookId}")
  public RunbookView runbook(@PathVariable String runbookId) {
    return RunbookView.of(find(runbookId));
  }

  @PostMapping("/api/v1/runbooks/{runbookId}/runs")
  public ResponseEntity<RunView> start(@PathVariable String runbookId, @RequestHeader(name = "From", required = false) String from,
      @RequestBody(required = false) StartRequest body) throws InterruptedException {
    Actor actor = operator(from);
    Runbook runbook = find(runbookId);
    StartRequest request = body == null ? new StartRequest(null, null, null, null) : body;
    Map<String, String> parameters = new LinkedHashMap<>(runbook.parameters());
    if (request.parameters() != null) {
      request.parameters().forEach((name, value) -> {
        if (!runbook.parameters().containsKey(name)) {
          throw new InvalidRunRequestException("runbook " + runbookId + " has no parameter '" + name + "'; it has "
              + runbook.parameters().keySet());
        }
        parameters.put(name, value);
      });
    }
    boolean dryRun = Boolean.TRUE.equals(request.dryRun());
    Instant now = clock.instant();
    RunRequest run = new RunRequest(runbookId + "-" + UUID.randomUUID().toString().substring(0, 8),
        ScheduleConfiguration.target(runbook, parameters), parameters, dryRun, null, null, request.incidentId(),
        request.outageStartedAt() == null ? now : request.outageStartedAt(), actor);
    if (dryRun) {
      RunRecord planned = coordinator.plan(runbook, run);
      return ResponseEntity.ok(RunView.of(planned, approvals.waiting(planned.runId())));
    }
    switch (coordinator.start(runbook, run)) {
      case TARGET_BUSY -> throw new TargetBusyException(run.target());
      case ALREADY_STARTED, STARTED -> {
      }
    }
    RunRecord started = ledger.find(run.runId()).orElse(null);
    return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + run.runId()))
        .body(started == null ? null : RunView.of(started, approvals.waiting(run.runId())));
  }

  @GetMapping("/api/v1/runs")
  public List<RunView> runs() {
    return ledger.all().stream().map(run -> RunView.of(run, approvals.waiting(run.runId()))).toList();
  }

  @GetMapping("/api/v1/runs/{runId}")
  public RunView run(@PathVariable String runId) {
    RunRecord run = ledger.find(runId).orElseThrow(() -> new UnknownRunException("run " + runId));
    return RunView.of(run, approvals.waiting(runId));
  }

  @PostMapping("/api/v1/runs/{runId}/approval")
  public ResponseEntity<Map<String, Object>> approve(@PathVariable String runId,
      @RequestHeader(name = "From", required = false) String from, @RequestBody(required = false) ApprovalRequest body) {
    Actor actor = operator(from);
    PendingApprovals.Gate gate = approvals.waiting(runId).orElseThrow(() -> new NotWaitingException(runId));
    ApprovalRequest request = body == null ? new ApprovalRequest(null, null, null) : body;
    if (request.step() != null && !request.step().equals(gate.stepName())) {
      throw new NotWaitingException(runId + " at step " + request.step() + " (it waits at " + gate.stepName() + ")");
    }
    boolean approved = !Boolean.FALSE.equals(request.approved());
    if (!approvals.decide(runId, gate.stepName(), new Approvals.Decision(approved, actor, request.comment()))) {
      throw new NotWaitingException(runId);
    }
    return ResponseEntity.accepted().body(Map.of("run_id", runId, "step", gate.stepName(), "approved", approved,
        "by", actor.getId()));
  }

  private Runbook find(String runbookId) {
    return catalog.find(runbookId).orElseThrow(() -> new UnknownRunException("runbook " + runbookId));
  }

  private static Actor operator(String from) {
    return FromHeader.person(from).orElseThrow(() -> new InvalidRunRequestException(
        "the From header must name the person asking (e.g. their e-mail address)"));
  }
}
