package io.codelibra.lifeline.recovery.aws;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lifeline.recovery.aws.*}: where the AWS actions' clients go ({@code endpoint-override}, e.g. LocalStack; unset
 * for AWS itself) and how often their waits poll.
 */
@ConfigurationProperties("lifeline.recovery.aws")
public record RecoveryAwsProperties(URI endpointOverride, @DefaultValue("15s") Duration pollInterval) {

  public RecoveryAwsProperties {
    if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("lifeline.recovery.aws.poll-interval must be positive");
    }
  }
}
