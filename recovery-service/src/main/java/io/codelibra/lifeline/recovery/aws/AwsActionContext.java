package io.codelibra.lifeline.recovery.aws;

import io.codelibra.lifeline.recovery.action.ActionCall;
import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;

/** What every AWS action needs: the clients, the clock its deadlines run on and how often it polls while waiting. */
public record AwsActionContext(RecoveryAwsClients clients, Clock clock, Duration pollInterval) {

  public AwsActionContext {
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(clock, "clock");
    if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
  }

  /** The step's deadline: now plus the call's timeout. Take it first, so describe calls count against it too. */
  public StepDeadline deadline(ActionCall call) {
    return new StepDeadline(call.stepName(), clock.instant().plus(call.timeout()), call.timeout(), pollInterval,
        clock);
  }

  public RdsClient rds(ActionCall call) {
    return clients.rds(region(call));
  }

  public ElastiCacheClient elastiCache(ActionCall call) {
    return clients.elastiCache(region(call));
  }

  public S3Client s3(ActionCall call) {
    return clients.s3(region(call));
  }

  /** The call's {@code region} parameter: required, and a name the SDK knows (e.g. {@code eu-west-1}). */
  static Region region(ActionCall call) {
    return region(call, "region");
  }

  static Region region(ActionCall call, String parameter) {
    String name = call.required(parameter);
    if (!name.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
      throw new ActionFailedException("'" + name + "' is not an AWS region (parameter '" + parameter + "' of step "
          + call.stepName() + ")", false);
    }
    return Region.of(name);
  }
}
