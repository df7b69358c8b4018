package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import io.codelibra.lifeline.recovery.action.ActionResult;
import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * {@code rds.reboot-db-instance}: reboots a DB instance, by default with {@code ForceFailover} (the RFC's "Multi-AZ
 * forced failover with verification"): the availability zone is read before and after, and a forced failover that left
 * the instance in the same zone fails the step.
 *
 * <p>A reboot is not idempotent and RDS records nothing that names it by our key. What this does: an instance already
 * {@code rebooting} (an earlier attempt's reboot still in progress) is waited for, not rebooted again, and its zone
 * change is not verified (the zone before that reboot is unknown). A step whose completion was recorded is never run
 * again; only a crash between the reboot finishing and the result being recorded leads to a second reboot.
 */
public final class RebootDbInstanceAction implements RecoveryAction {

  private final AwsActionContext aws;

  public RebootDbInstanceAction(AwsActionContext aws) {
    this.aws = aws;
  }

  @Override
  public String name() {
    return "rds.reboot-db-instance";
  }

  @Override
  public Set<String> requiredParameters() {
    return Set.of("region", "db-instance");
  }

  @Override
  public String plan(ActionCall call) {
    boolean failover = call.flag("force-failover", true);
    return "RebootDBInstance " + call.required("db-instance") + " in " + call.required("region")
        + (failover ? " with ForceFailover, wait until available and verify the availability zone changed"
            : ", wait until available");
  }

  @Override
  public ActionResult execute(ActionCall call) {
    StepDeadline deadline = aws.deadline(call);
    RdsClient rds = aws.rds(call);
    String instanceId = call.required("db-instance");
    boolean forceFailover = call.flag("force-failover", true);
    DBInstance before = RdsInstances.require(rds, instanceId);
    boolean alreadyRebooting = "rebooting".equals(before.dbInstanceStatus());
    if (!alreadyRebooting) {
      if (forceFailover && !Boolean.TRUE.equals(before.multiAZ())) {
        throw new ActionFailedException("DB instance " + instanceId + " is not Multi-AZ: no standby to fail over to",
            false);
      }
      AwsFailures.call("RebootDBInstance " + instanceId, () -> rds.rebootDBInstance(request -> request
          .dbInstanceIdentifier(instanceId)
          .forceFailover(forceFailover)));
    }
    DBInstance after = RdsInstances.waitUntilAvailable(rds, instanceId, deadline);
    String zoneBefore = String.valueOf(before.availabilityZone());
    String zoneAfter = String.valueOf(after.availabilityZone());
    if (forceFailover && !alreadyRebooting && Objects.equals(zoneBefore, zoneAfter)) {
      throw new ActionFailedException("forced failover of " + instanceId + " not verified: still in " + zoneAfter
          + " after the reboot", false);
    }
    return new ActionResult(Map.of(
        "availability-zone-before", zoneBefore,
        "availability-zone-after", zoneAfter,
        "db-instance", instanceId),
        (alreadyRebooting ? "waited for the reboot in progress of " : "rebooted ") + instanceId
            + (forceFailover ? " with failover" : "") + ": " + zoneBefore + " -> " + zoneAfter + ", available");
  }
}
