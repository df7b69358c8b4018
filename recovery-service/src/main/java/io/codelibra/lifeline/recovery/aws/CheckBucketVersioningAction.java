package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;

/**
 * {@code s3.check-versioning}: a bucket's versioning must be {@code Enabled} (what lets a restore go back to an object's
 * earlier version). Suspended or never enabled fails the step, not retryably: waiting will not enable it. Read-only.
 */
public final class CheckBucketVersioningAction implements RecoveryAction {

  private final AwsActionContext aws;

  public CheckBucketVersioningAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "s3.check-versioning";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "bucket");
  }

  @Override
  public String plan(ActionCall call) {
    return "GetBucketVersioning " + call.required("bucket") + " in " + call.required("region") + ": must be Enabled";
  }

  @Override
  public ActionResult execute(ActionCall call) {
    String bucket = call.required("bucket");
    GetBucketVersioningResponse versioning = AwsFailures.call("GetBucketVersioning " + bucket,
        () -> aws.s3(call).getBucketVersioning(request -> request.bucket(bucket)));
    String status = versioning.statusAsString() == null ? "never enabled" : versioning.statusAsString();
    if (!"Enabled".equals(status)) {
      throw new ActionFailedException("versioning of bucket " + bucket + " is " + status + ", not Enabled", false);
    }
    String mfaDelete = versioning.mfaDeleteAsString() == null ? "Disabled" : versioning.mfaDeleteAsString();
    return new ActionResult(Map.of("bucket", bucket, "versioning", status, "mfa-delete", mfaDelete),
        "versioning of bucket " + bucket + " is Enabled (MFA delete " + mfaDelete + ")");
  }
}
