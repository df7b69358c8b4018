package io.codelibra.lifeline.ingest.integration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One configured sender: its name (used in events and metrics, never its secret), type, the
 * service it owns alerts for (PagerDuty routing keys map to one), the SNS topics it may publish
 * from, and its token bucket.
 */
public final class Integration {

  private final String name;
  private final IntegrationType type;
  private final String service;
  private final List<String> snsTopicArns;
  private final Bucket bucket;

  Integration(String name, IntegrationType type, String service, List<String> snsTopicArns, Bucket bucket) {
    this.name = name;
    this.type = type;
    this.service = service;
    this.snsTopicArns = List.copyOf(snsTopicArns);
    this.bucket = bucket;
  }

  public String name() {
    return name;
  }

  public IntegrationType type() {
    return type;
  }

  /** The Lifeline service this integration's alerts belong to, or null to route by labels. */
  public String service() {
    return service;
  }

  public List<String> snsTopicArns() {
    return snsTopicArns;
  }

  /** Takes {@code events} tokens from the bucket or throws with the time until they are there. */
  public void admit(int events) {
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(Math.max(1, events));
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
      throw new RateLimitedException(name, seconds);
    }
  }
}
