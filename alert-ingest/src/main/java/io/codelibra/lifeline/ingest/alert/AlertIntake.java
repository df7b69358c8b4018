package io.codelibra.lifeline.ingest.alert;

import io.codelibra.lifeline.ingest.http.IngestMetrics;
import io.codelibra.lifeline.ingest.integration.Integration;
import io.codelibra.lifeline.ingest.publish.AlertPublisher;
import java.time.Duration;
import java.util.List;

/**
 * The path every receiver shares: rate limit the integration, normalise each alert, publish them
 * all and return only once the broker acknowledged every one (so the receiver may answer 2xx).
 */
public class AlertIntake {

  private final AlertNormaliser normaliser;
  private final AlertPublisher publisher;
  private final IngestMetrics metrics;

  public AlertIntake(AlertNormaliser normaliser, AlertPublisher publisher, IngestMetrics metrics) {
    this.normaliser = normaliser;
    this.publisher = publisher;
    this.metrics = metrics;
  }


  /**
   * @param receiver metric tag of the receiver (alertmanager, pagerduty, cloudwatch, generic, kafka)
   * @throws io.codelibra.lifeline.ingest.integration.RateLimitedException over the integration's rate
   * @throws io.codelibra.lifeline.ingest.publish.BrokerUnavailableException not acknowledged: nothing accepted
   */
  public List<NormalisedAlert> accept(String receiver, Integration integration, List<InboundAlert> alerts) {
    if (integration != null) {
      integration.admit(alerts.size());
    }
    List<NormalisedAlert> events = alerts.stream().map(normaliser::normalise).toList();
    long start = System.nanoTime();
    publisher.publishAll(events);
    metrics.published(Duration.ofNanos(System.nanoTime() - start));
    metrics.accepted(receiver, events.size());
    return events;
  }
}
