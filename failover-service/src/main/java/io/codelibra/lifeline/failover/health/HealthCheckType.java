package io.codelibra.lifeline.failover.health;

/** Protocol a health check probes with, as in Route 53's {@code aws_route53_health_check.type}. */
public enum HealthCheckType {
  HTTP,
  HTTPS,
  TCP;

  public boolean isHttp() {
    return this != TCP;
  }
}
