package io.codelibra.lifeline.deploy.terraform;

import static io.codelibra.lifeline.deploy.terraform.TerraformFilesTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lifeline's own AWS side under deploy/terraform: the sns-alarms module delivers to alert-ingest's SNS receiver as the
 * Java source declares it, and the lifeline-iam module grants each service only actions its AWS SDK calls need. The
 * allow-lists below name, for every action, the adapter class and the SDK call it authorizes; the test checks both the
 * Terraform (every granted action allowed, every allowed action granted) and the Java (the call is still there).
 */
class LifelineAwsModulesTest {

  static {
    System.setProperty("org.slf4j.simpleLogger.log.com.bertramlabs.plugins.hcl4j", "off");
  }

  /** One IAM action, the adapter class (relative to the service's main source root) and the SDK call it authorizes. */
  private record Grant(String action, String adapter, String call) {
  }

  private static final String FAILOVER = "failover-service/src/main/java/io/codelibra/lifeline/failover/";
  private static final String RECOVERY = "recovery-service/src/main/java/io/codelibra/lifeline/recovery/aws/";

  /** failover-service: the routing, database and fault adapters wired by failover/aws/AwsExecutorConfiguration. */
  private static final List<Grant> FAILOVER_GRANTS = List.of(
      // routing/Route53FailoverRouter
      new Grant("route53:ListResourceRecordSets", FAILOVER + "routing/Route53FailoverRouter.java",
          "listResourceRecordSets("),
      new Grant("route53:ChangeResourceRecordSets", FAILOVER + "routing/Route53FailoverRouter.java",
          "changeResourceRecordSets("),
      // the ResourceRecordSetsChanged waiter polls GetChange
      new Grant("route53:GetChange", FAILOVER + "routing/Route53FailoverRouter.java",
          "waitUntilResourceRecordSetsChanged("),
      // routing/ArcRoutingControlRouter
      new Grant("route53-recovery-cluster:UpdateRoutingControlStates", FAILOVER + "routing/ArcRoutingControlRouter.java",
          "updateRoutingControlStates("),
      new Grant("route53-recovery-cluster:GetRoutingControlState", FAILOVER + "routing/ArcRoutingControlRouter.java",
          "getRoutingControlState("),
      // database/RdsReplicaPromotion
      new Grant("rds:PromoteReadReplica", FAILOVER + "database/RdsReplicaPromotion.java", "promoteReadReplica("),
      new Grant("rds:DescribeDBInstances", FAILOVER + "database/RdsReplicaPromotion.java", "describeDBInstances("),
      // database/AuroraGlobalClusterFailover
      new Grant("rds:FailoverGlobalCluster", FAILOVER + "database/AuroraGlobalClusterFailover.java",
          "failoverGlobalCluster("),
      new Grant("rds:SwitchoverGlobalCluster", FAILOVER + "database/AuroraGlobalClusterFailover.java",
          "switchoverGlobalCluster("),
      new Grant("rds:DescribeGlobalClusters", FAILOVER + "database/AuroraGlobalClusterFailover.java",
          "describeGlobalClusters("),
      // database/DynamoDbGlobalTableCheck
      new Grant("dynamodb:DescribeTable", FAILOVER + "database/DynamoDbGlobalTableCheck.java", "describeTable("),
      // fault/FisExperimentFaultInjection
      new Grant("fis:StartExperiment", FAILOVER + "fault/FisExperimentFaultInjection.java", "startExperiment("),
      // StartExperiment's tags (lifeline:reason, lifeline:region) are authorized as fis:TagResource
      new Grant("fis:TagResource", FAILOVER + "fault/FisExperimentFaultInjection.java", ".tags(Map.of(\"lifeline:reason\""),
      new Grant("fis:GetExperiment", FAILOVER + "fault/FisExperimentFaultInjection.java", "getExperiment("),
      new Grant("fis:StopExperiment", FAILOVER + "fault/FisExperimentFaultInjection.java", "stopExperiment("),
      new Grant("fis:ListExperiments", FAILOVER + "fault/FisExperimentFaultInjection.java",
          "listExperimentsPaginator("));

  /** recovery-service: the runbook actions of recovery/aws (AwsRecoveryActionsConfiguration). */
  private static final List<Grant> RECOVERY_GRANTS = List.of(
      // RdsInstances (find, DBInstanceAvailable waiter); DeleteDbInstanceAction's DBInstanceDeleted waiter
      new Grant("rds:DescribeDBInstances", RECOVERY + "RdsInstances.java", "describeDBInstances("),
      // RdsSnapshots (find, DBSnapshotAvailable waiter); LatestDbSnapshotAction pages through them too
      new Grant("rds:DescribeDBSnapshots", RECOVERY + "RdsSnapshots.java", "describeDBSnapshots("),
      new Grant("rds:CreateDBSnapshot", RECOVERY + "CreateDbSnapshotAction.java", "createDBSnapshot("),
      new Grant("rds:CopyDBSnapshot", RECOVERY + "CopyDbSnapshotAction.java", "copyDBSnapshot("),
      new Grant("rds:RestoreDBInstanceFromDBSnapshot", RECOVERY + "RestoreDbInstanceFromSnapshotAction.java",
          "restoreDBInstanceFromDBSnapshot("),
      new Grant("rds:RebootDBInstance", RECOVERY + "RebootDbInstanceAction.java", "rebootDBInstance("),
      new Grant("rds:PromoteReadReplica", RECOVERY + "PromoteReadReplicaAction.java", "promoteReadReplica("),
      new Grant("rds:DeleteDBInstance", RECOVERY + "DeleteDbInstanceAction.java", "deleteDBInstance("),
      // CopyDbSnapshotAction with kms-key-id: RDS creates a grant on the DR region's key for the copy
      new Grant("kms:CreateGrant", RECOVERY + "CopyDbSnapshotAction.java", "request::kmsKeyId"),
      new Grant("kms:DescribeKey", RECOVERY + "CopyDbSnapshotAction.java", "request::kmsKeyId"),
      new Grant("elasticache:TestFailover", RECOVERY + "TestElastiCacheFailoverAction.java", "testFailover("),
      // ElastiCacheReplicationGroups (describe) and TestElastiCacheFailoverAction's ReplicationGroupAvailable waiter
      new Grant("elasticache:DescribeReplicationGroups", RECOVERY + "ElastiCacheReplicationGroups.java",
          "describeReplicationGroups("),
      new Grant("s3:GetBucketVersioning", RECOVERY + "CheckBucketVersioningAction.java", "getBucketVersioning("),
      // the GetBucketReplication call is authorized as s3:GetReplicationConfiguration
      new Grant("s3:GetReplicationConfiguration", RECOVERY + "CheckBucketReplicationAction.java",
          "getBucketReplication("));

  /** Actions IAM cannot scope to a resource: the only ones allowed on "*". */
  private static final Set<String> UNSCOPABLE = Set.of("fis:ListExperiments");

  /** {@code sid = "..."}, {@code actions = [...]} and {@code resources = ...} of one policy statement, in that order. */
  private static final Pattern STATEMENT = Pattern.compile(
      "sid\\s+=\\s+\"(\\w+)\"\\s*\\n\\s*actions\\s+=\\s+\\[([^\\]]*)\\]\\s*\\n\\s*resources\\s+=\\s+([^\\n]+)");
  private static final Pattern ACTIONS_ATTRIBUTE = Pattern.compile("(?m)^\\s*(not_)?actions\\s+=");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  private static Path terraform;
  private static Path repository;

  @BeforeAll
  static void locate() {
    terraform = TerraformFilesTest.terraformRoot();
    repository = terraform.getParent().getParent();
  }

  @Test
  void theNewModulesHaveTheStandardFilesAndTypedDocumentedVariables() throws Exception {
    for (String module : List.of("sns-alarms", "lifeline-iam")) {
      for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf")) {
        assertThat(terraform.resolve("modules").resolve(module).resolve(file)).as(module + "/" + file).isRegularFile();
      }
      Map<String, Object> variables = map(parse("modules/" + module + "/variables.tf").get("variable"));
      assertThat(variables).as(module + " variables").isNotEmpty();
      variables.forEach((name, body) -> {
        Map<String, Object> variable = map(body);
        assertThat(variable.get("description")).as(module + " variable " + name + " description")
            .isInstanceOf(String.class).asString().isNotBlank();
        assertThat(variable.get("type")).as(module + " variable " + name + " type").isNotNull();
      });
    }
  }

  @Test
  void theSubscriptionDeliversToAlertIngestsSnsReceiver() throws Exception {
    String controller = Files.readString(repository.resolve(
        "alert-ingest/src/main/java/io/codelibra/lifeline/ingest/cloudwatch/SnsAlarmController.java"));
    List<String> mappings = Pattern.compile("@PostMapping\\(\\s*(?:path\\s*=\\s*|value\\s*=\\s*)?\"([^\"]+)\"")
        .matcher(controller).results().map(m -> m.group(1)).toList();
    assertThat(mappings).as("SnsAlarmController's @PostMapping path").hasSize(1);

    Map<String, Object> main = parse("modules/sns-alarms/main.tf");
    assertThat(map(main.get("locals")).get("sns_receiver_path")).isEqualTo(mappings.getFirst());

    String source = read("modules/sns-alarms/main.tf");
    assertThat(source).contains("endpoint = \"${trimsuffix(var.alert_ingest_base_url, \"/\")}${local.sns_receiver_path}\"");
    Map<String, Object> subscription = map(map(map(main.get("resource")).get("aws_sns_topic_subscription"))
        .get("alert_ingest"));
    assertThat(subscription).containsEntry("protocol", "https")
        .containsEntry("endpoint_auto_confirms", false)
        .containsEntry("raw_message_delivery", false)
        .containsKey("delivery_policy");
    assertThat(source).contains("endpoint  = local.endpoint", "healthyRetryPolicy", "numRetries", "backoffFunction");

    // The topic policy lets CloudWatch alarms of this account publish, nothing else.
    assertThat(source).contains("actions   = [\"sns:Publish\"]", "identifiers = [\"cloudwatch.amazonaws.com\"]",
        "variable = \"aws:SourceAccount\"");
    assertThat(actionsIn(source)).containsExactly("sns:Publish");
    assertThat(map(map(main.get("resource")).get("aws_sns_topic"))).containsKey("alarms");
    assertThat(map(map(map(main.get("resource")).get("aws_sns_topic")).get("alarms"))).containsKey("kms_master_key_id");
  }

  @Test
  void theExampleWiresAnAlarmToTheTopicAndScopesThePoliciesToItsResources() throws Exception {
    String example = read("examples/vibe-platform/lifeline.tf");
    Map<String, Object> parsed = parse("examples/vibe-platform/lifeline.tf");
    assertThat(map(parsed.get("module"))).containsKeys("lifeline_alarms", "lifeline_iam");
    assertThat(String.valueOf(map(map(parsed.get("module")).get("lifeline_alarms")).get("source")))
        .isEqualTo("../../modules/sns-alarms");
    assertThat(String.valueOf(map(map(parsed.get("module")).get("lifeline_iam")).get("source")))
        .isEqualTo("../../modules/lifeline-iam");
    assertThat(map(map(parsed.get("resource")).get("aws_cloudwatch_metric_alarm"))).isNotEmpty();
    assertThat(example).contains("alarm_actions = [module.lifeline_alarms.topic_arn]",
        "ok_actions    = [module.lifeline_alarms.topic_arn]",
        "failover_hosted_zone_ids      = [data.aws_route53_zone.main.zone_id]",
        "failover_rds_replica_arns     = [module.postgres_replica.replica_arn]");
    // The modules only define the topic and the policies; the alarm is the caller's.
    assertThat(read("modules/sns-alarms/main.tf")).doesNotContain("aws_cloudwatch_metric_alarm");
  }

  @Test
  void everyFailoverActionIsOneItsAdaptersCall() throws Exception {
    assertGrantsMatch("modules/lifeline-iam/failover.tf", FAILOVER_GRANTS);
  }

  @Test
  void everyRecoveryActionIsOneItsAdaptersCall() throws Exception {
    assertGrantsMatch("modules/lifeline-iam/recovery.tf", RECOVERY_GRANTS);
  }

  @Test
  void noOtherFileOfTheIamModuleGrantsServiceActions() throws Exception {
    assertThat(actionsIn(read("modules/lifeline-iam/main.tf"))).isEmpty();
    assertThat(actionsIn(read("modules/lifeline-iam/roles.tf"))).containsExactly("sts:AssumeRoleWithWebIdentity");
    assertThat(read("modules/lifeline-iam/roles.tf")).contains("${local.oidc_issuer}:sub", "${local.oidc_issuer}:aud",
        "system:serviceaccount:${var.kubernetes_namespace}:${each.value}");
  }

  @Test
  void theAllowListsStillMatchTheSdkCallsInTheAdapters() throws IOException {
    List<String> missing = new ArrayList<>();
    for (Grant grant : concat(FAILOVER_GRANTS, RECOVERY_GRANTS)) {
      String source = Files.readString(repository.resolve(grant.adapter()));
      if (!source.contains(grant.call())) {
        missing.add(grant.action() + ": " + grant.adapter() + " no longer contains " + grant.call());
      }
    }
    assertThat(missing).isEmpty();
  }

  private static void assertGrantsMatch(String file, List<Grant> grants) throws IOException {
    String source = read(file);
    Set<String> allowed = grants.stream().map(Grant::action).collect(Collectors.toCollection(TreeSet::new));
    List<MatchResult> statements = STATEMENT.matcher(source).results().toList();
    assertThat(statements).as(file + ": every actions attribute is a literal list after a sid, before resources")
        .hasSize((int) ACTIONS_ATTRIBUTE.matcher(source).results().count());
    assertThat(source).doesNotContain("not_actions", "not_resources", "\"Deny\"");

    Set<String> granted = new LinkedHashSet<>();
    for (MatchResult statement : statements) {
      String sid = statement.group(1);
      List<String> actions = QUOTED.matcher(statement.group(2)).results().map(m -> m.group(1)).toList();
      assertThat(actions).as(file + " " + sid).isNotEmpty().allSatisfy(action -> {
        assertThat(action).as(file + " " + sid + " action").matches("[a-z0-9-]+:[A-Z][A-Za-z]+");
        assertThat(allowed).as(file + " " + sid + ": " + action + " is not one the adapters call").contains(action);
      });
      String resources = statement.group(3).strip();
      if (resources.contains("\"*\"")) {
        assertThat(actions).as(file + " " + sid + " on \"*\"").allSatisfy(a -> assertThat(UNSCOPABLE).contains(a));
      }
      granted.addAll(actions);
    }
    assertThat(granted).as(file + ": every action the adapters need is granted").containsAll(allowed);
  }

  private static List<String> actionsIn(String source) {
    List<String> actions = new ArrayList<>();
    Matcher lists = Pattern.compile("(?m)^\\s*actions\\s+=\\s+\\[([^\\]]*)\\]").matcher(source);
    while (lists.find()) {
      QUOTED.matcher(lists.group(1)).results().map(m -> m.group(1)).forEach(actions::add);
    }
    return actions;
  }

  private static List<Grant> concat(List<Grant> a, List<Grant> b) {
    List<Grant> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String read(String file) throws IOException {
    return Files.readString(terraform.resolve(file));
  }

  private static Map<String, Object> parse(String file) throws Exception {
    return TerraformFilesTest.parse(read(file));
  }
}
