package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;

/**
 * {@code s3.check-replication}: a bucket must have a replication configuration whose every rule is {@code Enabled};
 * outputs the rule ids and the destination buckets. No configuration, or a disabled rule, fails the step (not
 * retryable). Read-only.
 */
public final class CheckBucketReplicationAction implements RecoveryAction {

  private static final String BUCKET_ARN_PREFIX = "arn:aws:s3:::";

  private final AwsActionContext aws;

  public CheckBucketReplicationAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "s3.check-replication";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "bucket");
  }

  @Override
  public String plan(ActionCall call) {
    return "GetBucketReplication " + call.required("bucket") + " in " + call.required("region")
        + ": every rule must be Enabled";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    String bucket = call.required("bucket");
    ReplicationConfiguration replication = AwsFailures.call("GetBucketReplication " + bucket,
        () -> aws.s3(call).getBucketReplication(request -> request.bucket(bucket)).replicationConfiguration());
    if (replication == null || replication.rules().isEmpty()) {
      throw new ActionFailedException("bucket " + bucket + " has no replication rules", false);
    }
    List<String> disabled = replication.rules().stream()
        .filter(rule -> rule.status() != ReplicationRuleStatus.ENABLED)
        .map(CheckBucketReplicationAction::ruleName)
        .toList();
    if (!disabled.isEmpty()) {
      throw new ActionFailedException("replication rules of bucket " + bucket + " not enabled: "
          + String.join(", ", disabled), false);
    }
    String rules = String.join(",", replication.rules().stream().map(CheckBucketReplicationAction::ruleName).toList());
    String destinations = String.join(",", replication.rules().stream()
        .map(rule -> rule.destination() == null ? "" : bucketName(rule.destination().bucket()))
        .distinct()
        .toList());
    return new ActionResult(Map.of("bucket", bucket, "rules", rules, "destination-buckets", destinations),
        "bucket " + bucket + " replicates to " + destinations + " (" + replication.rules().size()
            + " enabled rules)");
  }

  private static String ruleName(ReplicationRule rule) {
    return rule.id() == null ? "priority-" + rule.priority() : rule.id();
  }

  private static String bucketName(String arn) {
    return arn != null && arn.startsWith(BUCKET_ARN_PREFIX) ? arn.substring(BUCKET_ARN_PREFIX.length())
        : String.valueOf(arn);
  }
}
