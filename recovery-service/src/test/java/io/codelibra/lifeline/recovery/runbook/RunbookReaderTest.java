package io.codelibra.lifeline.recovery.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codelibra.lifeline.recovery.runbook.RunbookStep.OnFailure;
import io.codelibra.lifeline.runtime.yaml.YamlProblems;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunbookReaderTest {

  /** The actions the adapters provide, with the parameters each requires. */
  static final Map<String, Set<String>> ACTIONS = Map.ofEntries(
      Map.entry("rds.create-db-snapshot", Set.of("region", "db-instance")),
      Map.entry("rds.copy-db-snapshot", Set.of("region", "source-region", "source-snapshot")),
      Map.entry("rds.latest-snapshot", Set.of("region", "db-instance")),
      Map.entry("rds.restore-db-instance-from-snapshot", Set.of("region", "snapshot-id", "db-instance")),
      Map.entry("rds.reboot-db-instance", Set.of("region", "db-instance")),
      Map.entry("rds.promote-read-replica", Set.of("region", "db-instance")),
      Map.entry("rds.delete-db-instance", Set.of("region", "db-instance")),
      Map.entry("elasticache.test-failover", Set.of("region", "replication-group")),
      Map.entry("elasticache.describe-replication-group", Set.of("region", "replication-group")),
      Map.entry("s3.check-versioning", Set.of("region", "bucket")),
      Map.entry("s3.check-replication", Set.of("region", "bucket")),
      Map.entry("k8s.patch-secret", Set.of("namespace", "secret", "key", "value")),
      Map.entry("k8s.rollout-restart", Set.of("namespace", "deployment")),
      Map.entry("k8s.rollout-undo", Set.of("namespace", "deployment")),
      Map.entry("k8s.wait-rollout", Set.of("namespace", "deployment")),
      Map.entry("http.verify", Set.of("url")),
      Map.entry("event.raise-alert", Set.of("fingerprint", "summary")),
      Map.entry("event.resolve-alert", Set.of("fingerprint")));

  static final List<String> SHIPPED = List.of("rds-restore-from-snapshot", "rds-multi-az-failover", "elasticache-failover",
      "region-failover-us-west-2", "deployment-rollback", "weekly-snapshot-to-dr");

  private final RunbookReader reader = new RunbookReader(ACTIONS);

  @Test
  void everyShippedRunbookLoads() {
    RunbookCatalog catalog = RunbookCatalog.of(SHIPPED.stream()
        .map(id -> YamlSource.fromClasspath("runbooks/" + id + ".yml")).toList(), reader);

    assertThat(catalog.all()).extracting(Runbook::id).containsExactlyElementsOf(SHIPPED);
    Runbook region = catalog.find("region-failover-us-west-2").orElseThrow();
    assertThat(region.tier()).isEqualTo(3);
    assertThat(region.objectives()).isEqualTo(new Objectives(Duration.ofHours(4), Duration.ofHours(1)));
    assertThat(region.stepNames()).containsExactly("find-latest-snapshot", "restore-database",
        "point-application-at-dr-database", "restart-backend", "restart-frontend", "wait-backend-rollout",
        "wait-frontend-rollout", "verify-health", "announce-recovery");
    RunbookStep restore = region.step("restore-database").orElseThrow();
    assertThat(restore.onFailure()).isEqualTo(OnFailure.ROLLBACK);
    assertThat(restore.rollback().action()).isEqualTo("rds.delete-db-instance");
    assertThat(restore.retries().attempts()).isEqualTo(3);
    assertThat(restore.timeout()).isEqualTo(Duration.ofMinutes(45));
    assertThat(region.triggers()).singleElement().satisfies(trigger -> {
      assertThat(trigger.event()).isEqualTo("FailoverRequested");
      assertThat(trigger.match()).containsEntry("toRegion", "us-west-2");
    });
    assertThat(catalog.find("weekly-snapshot-to-dr").orElseThrow().triggers().getFirst().schedule()).isEqualTo("0 0 3 * * SUN");
    assertThat(catalog.find("rds-restore-from-snapshot").orElseThrow().step("approve-restore").orElseThrow().approvalGate()).isTrue();
    assertThat(region.version()).startsWith("sha256:");
  }

  @Test
  void reportsEveryProblemWithFileLineAndReason() {
    String yaml = """
        id: Broken_Runbook
        title: broken
        tier: 4
        target: "rds:${params.region}"
        objectives: {rto: soon}
        triggers:
          - schedule: "every day"
        steps:
          - name: restore
            action: rds.restore-db-instance-from-snapshot
            parameters: {region: us-east-1, db-instance: "${steps.verify.status}"}
          - name: verify
            action: http.verfy
            retries: {attempts: 0}
            on_failure: retry
          - name: restore
            action: approval
            colour: red
        """;

    List<String> problems = problems(yaml);

    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("broken.yml:1: id must be lower-case"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yml:3: tier must be"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yml:5: rto must be a positive duration"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yml:7: schedule must be a six-field cron expression"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yml:9: action rds.restore-db-instance-from-snapshot requires parameter snapshot-id"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yml:13: unknown action 'http.verfy'"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yml:14: attempts must be"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yml:15: on_failure must be abort, continue or rollback"))
        .anySatisfy(p -> assertThat(p).startsWith("broken.yml:18: unknown key 'colour' in step"));
  }

  @Test
  void templatesMustNameDefinedParametersAndEarlierSteps() {
    String yaml = """
        id: templates
        title: templates
        tier: 1
        target: "rds:${params.region}:${params.db}"
        triggers:
          - schedule: "0 0 3 * * SUN"
        parameters: {region: us-east-1}
        steps:
          - name: first
            action: http.verify
            parameters: {url: "http://${steps.second.host}/${event.path}"}
          - name: second
            action: http.verify
            parameters: {url: "http://${steps.first.status}/${run.id}/${run.colour}"}
        """;

    assertThat(problems(yaml)).containsExactlyInAnyOrder(
        "broken.yml:1: target: ${params.db} names no parameter with a default (add it under parameters:)",
        "broken.yml:9: step first parameter url: ${steps.second.host} must be ${steps.<earlier step>.<output>}",
        "broken.yml:9: step first parameter url: ${event.path} is used, but no trigger of this runbook is an event",
        "broken.yml:12: step second parameter url: ${run.colour} is not one of run.id, run.runbook, run.started-at, run.target");
  }

  @Test
  void duplicateStepNamesAndRunbookIdsAreRefused() {
    String yaml = """
        id: twice
        title: twice
        tier: 1
        target: x
        steps:
          - {name: check, action: http.verify, parameters: {url: "http://a"}}
          - {name: check, action: http.verify, parameters: {url: "http://b"}}
        """;
    assertThat(problems(yaml)).singleElement().asString().contains("duplicate step name 'check' at line 7 (first at line 6)");

    String valid = "id: same\ntitle: t\ntier: 1\ntarget: x\nsteps:\n  - {name: a, action: http.verify, parameters: {url: u}}\n";
    assertThatThrownBy(() -> RunbookCatalog.of(List.of(new YamlSource("a.yml", valid), new YamlSource("b.yml", valid)), reader))
        .isInstanceOf(InvalidRunbooksException.class)
        .hasMessageContaining("b.yml:1: runbook id 'same' is already used by a.yml");
  }

  @Test
  void invalidYamlIsReportedAtItsLine() {
    assertThat(problems("id: x\nsteps: [\n")).singleElement().asString().startsWith("broken.yml:3: invalid YAML");
  }

  private List<String> problems(String yaml) {
    YamlProblems problems = new YamlProblems();
    Optional<Runbook> runbook = reader.read(new YamlSource("broken.yml", yaml), problems);
    assertThat(runbook).as("a broken runbook is not returned").isEmpty();
    return Stream.of(problems.messages()).flatMap(List::stream).toList();
  }
}
