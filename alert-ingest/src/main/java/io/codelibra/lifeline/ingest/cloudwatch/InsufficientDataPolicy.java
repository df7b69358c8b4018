package io.codelibra.lifeline.ingest.cloudwatch;

/**
 * What a CloudWatch alarm entering {@code INSUFFICIENT_DATA} becomes
 * ({@code lifeline.ingest.sns.insufficient-data}). The default treats missing data as a problem:
 * a silent metric is how a dead host or a broken exporter usually shows.
 */
public enum InsufficientDataPolicy {
  /** AlertRaised with sourceSeverity {@code INSUFFICIENT_DATA} (SEV3 in the default severity table). */
  FIRING,
  /** AlertResolved, like OK. */
  RESOLVED,
  /** Acknowledged to SNS with 200 and published nowhere. */
  IGNORE
}
