package io.codelibra.lifeline.recovery.local;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.NamedAction;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import io.codelibra.lifeline.recovery.action.RecoveryActionSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The {@code s3.*} checks on local buckets: {@code <root>/s3/<bucket>/bucket.properties} with the bucket's
 * {@code versioning} (Enabled, Suspended) and {@code replication} rules ({@code destination} bucket, {@code status}).
 */
public final class LocalS3Checks implements RecoveryActionSet {

  private final Path root;

  public LocalS3Checks(Path root) {
    this.root = root;
  }

  /** Creates a demo bucket with versioning on and replication to {@code destination} unless it exists. */
  public void seed(String bucket, String destination) {
    Path file = file(bucket);
    if (!Files.exists(file)) {
      Properties properties = new Properties();
      properties.setProperty("versioning", "Enabled");
      properties.setProperty("replication.status", "Enabled");
      properties.setProperty("replication.destination", destination);
      LocalFiles.write(file, properties);
    }
  }

  @Override
  public List<RecoveryAction> actions() {
    return List.of(
        new NamedAction("s3.check-versioning", Set.of("region", "bucket"),
            call -> "check versioning of local bucket " + call.required("bucket"), this::versioning),
        new NamedAction("s3.check-replication", Set.of("region", "bucket"),
            call -> "check replication of local bucket " + call.required("bucket"), this::replication));
  }

  private ActionResult versioning(ActionCall call) {
    String status = bucket(call).getProperty("versioning", "Disabled");
    if (!status.equals("Enabled")) {
      throw new ActionFailedException("versioning of bucket " + call.required("bucket") + " is " + status + ", not Enabled", false);
    }
    return new ActionResult(Map.of("bucket", call.required("bucket"), "versioning", status), "versioning Enabled");
  }

  private ActionResult replication(ActionCall call) {
    Properties bucket = bucket(call);
    String status = bucket.getProperty("replication.status", "none");
    if (!status.equals("Enabled")) {
      throw new ActionFailedException("replication of bucket " + call.required("bucket") + " is " + status, false);
    }
    String destination = bucket.getProperty("replication.destination", "");
    return new ActionResult(Map.of("bucket", call.required("bucket"), "rules", "1", "destinations", destination),
        "1 rule Enabled to " + destination);
  }

  private Properties bucket(ActionCall call) {
    Path file = file(call.required("bucket"));
    if (!Files.exists(file)) {
      throw new ActionFailedException("NoSuchBucket: no local bucket " + call.required("bucket") + " (" + file + ")", false);
    }
    return LocalFiles.read(file);
  }

  private Path file(String bucket) {
    return root.resolve("s3").resolve(LocalFiles.name(bucket)).resolve("bucket.properties");
  }
}
