package io.codelibra.lifeline.recovery.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.events.Actor;
import io.codelibra.lifeline.events.ActorType;
import io.codelibra.lifeline.events.RecoveryCompleted;
import io.codelibra.lifeline.events.RecoveryStepCompleted;
import io.codelibra.lifeline.events.RunOutcome;
import io.codelibra.lifeline.events.StepOutcome;
import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.runbook.Runbook;
import io.codelibra.lifeline.recovery.runbook.RunbookReader;
import io.codelibra.lifeline.runtime.yaml.YamlProblems;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import io.codelibra.lifeline.testing.time.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class RunbookExecutionTest {

  private static final Actor OPERATOR = new Actor(ActorType.user, "oncall@example.com", null);
  private static final Instant OUTAGE = Instant.parse("2026-11-25T09:00:00Z");

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final List<SpecificRecord> journal = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private final Map<String, Function<ActionCall, ActionResult>> behaviour = new HashMap<>();
  private Optional<Approvals.Decision> decision = Optional.of(new Approvals.Decision(true, OPERATOR, "go"));

  private static final String RUNBOOK = """
      id: restore
      title: Restore
      tier: 2
      target: "rds:${params.region}:${params.db}"
      objectives: {rto: 4h, rpo: 2h}
      parameters: {region: us-west-2, db: vibe-dr}
      steps:
        - name: find
          action: find-snapshot
          parameters: {region: "${params.region}"}
        - name: approve
          action: approval
          parameters: {prompt: "Restore ${steps.find.snapshot-id}?"}
        - name: restore
          action: restore
          parameters: {snapshot: "${steps.find.snapshot-id}", db: "${params.db}"}
          retries: {attempts: 3, backoff: 1ms}
          on_failure: rollback
          rollback: {action: delete, parameters: {db: "${params.db}"}}
        - name: verify
          action: verify
          parameters: {endpoint: "${steps.restore.endpoint}"}
          on_failure: continue
      """;

  RunbookExecutionTest() {
    behaviour.put("find-snapshot", call -> new ActionResult(Map.of("snapshot-id", "snap-1", "snapshot-time",
        "2026-11-25T08:30:00Z"), "newest of 3"));
    behaviour.put("restore", call -> new ActionResult(Map.of("endpoint", call.parameters().get("db") + ".local"), "restored"));
    behaviour.put("verify", call -> ActionResult.of("healthy"));
    behaviour.put("delete", call -> ActionResult.of("deleted"));
  }

  @Test
  void runsEveryStepRecordingEachBeforeTheNextAndMeasuresRtoAndRpo() throws Exception {
    RunRecord run = execution().start(runbook(), request(false));

    assertThat(calls).containsExactly("find-snapshot restore/find {region=us-west-2}",
        "restore restore/restore {db=vibe-dr, snapshot=snap-1}", "verify restore/verify {endpoint=vibe-dr.local}");
    assertThat(journal).hasSize(6);
    RecoveryCompleted completed = run.completed();
    assertThat(completed.getOutcome()).isEqualTo(RunOutcome.succeeded);
    assertThat(completed.getRpoAchievedMs()).as("outage start - snapshot time").isEqualTo(Duration.ofMinutes(30).toMillis());
    assertThat(completed.getRtoAchievedMs()).as("outage start -> end").isEqualTo(Duration.ofHours(1).toMillis());
    assertThat(completed.getObjectivesMet()).isTrue();
    RecoveryStepCompleted approval = step("approve");
    assertThat(approval.getApprovedBy()).isEqualTo(OPERATOR);
    assertThat(step("restore").getIdempotencyKey()).isEqualTo("restore/restore");
  }

  @Test
  void aResumedRunContinuesAtItsFirstUnfinishedStepAndNeverRepeatsAFinishedOne() throws Exception {
    behaviour.put("restore", call -> {
      throw new CrashedMidStep();
    });
    try {
      execution().start(runbook(), request(false));
    } catch (CrashedMidStep crash) {
      // the service died while restoring: find and approve are recorded, restore is not
    }
    RunLedger ledger = new RunLedger();
    journal.forEach(ledger::apply);
    RunRecord interrupted = ledger.unfinished().getFirst();
    assertThat(interrupted.nextStep()).isEqualTo(2);
    behaviour.put("restore", call -> new ActionResult(Map.of("endpoint", "vibe-dr.local"), "restored"));
    calls.clear();

    RunRecord resumed = execution().resume(runbook(), interrupted);

    assertThat(calls).extracting(call -> call.split(" ")[0]).containsExactly("restore", "verify");
    assertThat(calls.getFirst()).contains("restore/restore");
    assertThat(resumed.completed().getOutcome()).isEqualTo(RunOutcome.succeeded);
    assertThat(resumed.steps()).extracting(step -> step.getStepName()).containsExactly("find", "approve", "restore", "verify");
  }

  @Test
  void retriesRetryableFailuresWithBackoffThenRollsBackWhenTheStepStillFails() throws Exception {
    behaviour.put("restore", call -> {
      throw new ActionFailedException("InsufficientDBInstanceCapacity", true);
    });

    RunRecord run = execution().start(runbook(), request(false));

    assertThat(calls).filteredOn(call -> call.startsWith("restore ")).hasSize(3);
    assertThat(step("restore").getAttempts()).isEqualTo(3);
    assertThat(step("restore").getOutcome()).isEqualTo(StepOutcome.failed);
    assertThat(step("rollback:restore").getOutcome()).isEqualTo(StepOutcome.rolled_back);
    assertThat(calls).contains("delete restore/rollback:restore {db=vibe-dr}");
    assertThat(calls).noneMatch(call -> call.startsWith("verify"));
    assertThat(run.completed().getOutcome()).isEqualTo(RunOutcome.rolled_back);
    assertThat(run.completed().getFailedStep()).isEqualTo("restore");
    assertThat(run.completed().getObjectivesMet()).isFalse();
  }

  @Test
  void aNonRetryableFailureIsNotRetried() throws Exception {
    behaviour.put("restore", call -> {
      throw new ActionFailedException("DBSnapshotNotFound", false);
    });

    execution().start(runbook(), request(false));

    assertThat(step("restore").getAttempts()).isEqualTo(1);
  }

  @Test
  void aFailingContinueStepLeavesAPartialSuccess() throws Exception {
    behaviour.put("verify", call -> {
      throw new ActionFailedException("HTTP 503", false);
    });

    RunRecord run = execution().start(runbook(), request(false));

    assertThat(run.completed().getOutcome()).isEqualTo(RunOutcome.partially_succeeded);
  }

  @Test
  void aRefusedApprovalAbortsTheRunBeforeAnythingChanges() throws Exception {
    decision = Optional.of(new Approvals.Decision(false, OPERATOR, "not during peak"));

    RunRecord run = execution().start(runbook(), request(false));

    assertThat(run.completed().getOutcome()).isEqualTo(RunOutcome.aborted);
    assertThat(calls).containsExactly("find-snapshot restore/find {region=us-west-2}");
    assertThat(step("approve").getOutcome()).isEqualTo(StepOutcome.cancelled);
  }

  @Test
  void aDryRunPrintsThePlanAndChangesNothing() throws Exception {
    RunRecord run = execution().start(runbook(), request(true));

    assertThat(calls).isEmpty();
    assertThat(run.completed().getDryRun()).isTrue();
    assertThat(run.steps()).allSatisfy(step -> assertThat(step.getOutcome()).isEqualTo(StepOutcome.skipped));
    assertThat(step("restore").getOutputs().get("plan")).isEqualTo("restore {db=vibe-dr, snapshot=${steps.find.snapshot-id}}");
    assertThat(step("approve").getOutputs().get("plan")).isEqualTo("would wait for an approval: Restore ${steps.find.snapshot-id}?");
  }

  private RunbookExecution execution() {
    Map<String, RecoveryAction> actions = new HashMap<>();
    for (String name : List.of("find-snapshot", "restore", "verify", "delete")) {
      actions.put(name, new RecordingAction(name));
    }
    Approvals approvals = (runId, step, prompt, timeout) -> decision;
    RunEvents events = (runId, event) -> journal.add(event);
    return new RunbookExecution(actions, events, approvals, clock, UUID::randomUUID);
  }

  private RunRequest request(boolean dryRun) {
    return new RunRequest("restore", "rds:us-west-2:vibe-dr", Map.of("region", "us-west-2", "db", "vibe-dr"), dryRun, null,
        null, "INC-7", OUTAGE, OPERATOR);
  }

  private static Runbook runbook() {
    Map<String, Set<String>> actions = Map.of("find-snapshot", Set.of(), "restore", Set.of(), "verify", Set.of(), "delete", Set.of());
    YamlProblems problems = new YamlProblems();
    Runbook runbook = new RunbookReader(actions).read(new YamlSource("restore.yml", RUNBOOK), problems).orElse(null);
    assertThat(problems.messages()).isEmpty();
    return runbook;
  }

  private RecoveryStepCompleted step(String name) {
    return journal.stream().filter(RecoveryStepCompleted.class::isInstance).map(RecoveryStepCompleted.class::cast)
        .filter(step -> step.getStepName().equals(name)).findFirst().orElseThrow();
  }

  private final class RecordingAction implements RecoveryAction {

    private final String name;

    RecordingAction(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<String> requiredParameters() {
      return Set.of();
    }

    @Override
    public String plan(ActionCall call) {
      return name + " " + new TreeMap<>(call.parameters());
    }

    @Override
    public ActionResult execute(ActionCall call) {
      calls.add(name + " " + call.idempotencyKey() + " " + new TreeMap<>(call.parameters()));
      return behaviour.get(name).apply(call);
    }
  }

  /** Stands for the process dying mid-step: nothing after it is recorded. */
  private static final class CrashedMidStep extends Error {
  }
}
