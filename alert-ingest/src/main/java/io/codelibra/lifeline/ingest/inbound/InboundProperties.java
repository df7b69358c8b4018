package io.codelibra.lifeline.ingest.inbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The Kafka intake's settings ({@code lifeline.ingest.inbound.*}); {@code lifeline.ingest.inbound.enabled=false}
 * turns the intake off. The size limit is the service's {@code lifeline.ingest.max-body-size}.
 *
 * @param groupId the consumer group whose committed offsets mark what has been accepted or dead-lettered
 * @param concurrency consumers per instance (at most the topic's partition count is useful)
 * @param retry back-off while the broker or the registry is unavailable; retries never stop
 * @param deadLetterMaxRequestSize the dead-letter producer's {@code max.request.size}: a rejected record of
 *     any size the broker accepted on {@code alerts.inbound} must fit (the DLQ topic's limit applies too)
 */
@ConfigurationProperties("lifeline.ingest.inbound")
public record InboundProperties(
    @DefaultValue("alert-ingest.inbound") String groupId,
    @DefaultValue("1") int concurrency,
    @DefaultValue Retry retry,
    @DefaultValue("16MB") DataSize deadLetterMaxRequestSize) {

  /** Exponential back-off, capped at {@code maxInterval}, without a limit on attempts or time. */
  public record Retry(
      @DefaultValue("500ms") Duration initialInterval,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("30s") Duration maxInterval) {
  }
}
