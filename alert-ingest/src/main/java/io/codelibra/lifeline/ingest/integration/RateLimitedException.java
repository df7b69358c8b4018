package io.codelibra.lifeline.ingest.integration;

/** The integration has used its token bucket up; the sender may retry after the given seconds. */
public class RateLimitedException extends RuntimeException {

  private final String integration;
  private final long retryAfterSeconds;

  public RateLimitedException(String integration, long retryAfterSeconds) {
    super("integration '" + integration + "' is over its rate limit; retry after " + retryAfterSeconds + " s");
    this.integration = integration;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public String integration() {
    return integration;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
