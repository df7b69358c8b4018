package io.codelibra.lifeline.failover.health;

import java.time.Duration;

/**
 * One health check of a region, configured like the RFC's {@code aws_route53_health_check}.
 *
 * <p>Either {@code fqdn} or {@code ipAddress} names the endpoint; when both are set the probe connects to the
 * address. {@code searchString} and {@code resourcePath} apply to HTTP and HTTPS only. Any positive
 * {@code requestInterval} is accepted (local stack and drills); Route 53 itself allows only 10 or 30 seconds, which
 * the configuration of an AWS-backed check should enforce.
 */
public record HealthCheckDefinition(
    String id,
    String region,
    String fqdn,
    String ipAddress,
    int port,
    HealthCheckType type,
    String resourcePath,
    String searchString,
    Duration requestInterval,
    int failureThreshold,
    int checkers,
    double healthyShare,
    Duration connectTimeout,
    Duration responseTimeout,
    boolean inverted) {

  /** Route 53 counts an endpoint healthy when more than 18 % of its checkers say so. */
  public static final double ROUTE53_HEALTHY_SHARE = 0.18;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(4);
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(2);
  /** Route 53 rejects longer search strings. */
  public static final int MAX_SEARCH_STRING_LENGTH = 255;

  public HealthCheckDefinition {
    require(id != null && !id.isBlank(), "id must not be blank");
    require(region != null && !region.isBlank(), "region of health check '%s' must not be blank", id);
    fqdn = blankToNull(fqdn);
    ipAddress = blankToNull(ipAddress);
    require(fqdn != null || ipAddress != null, "health check '%s' needs an fqdn or an ipAddress", id);
    require(type != null, "type of health check '%s' must be HTTP, HTTPS or TCP", id);
    require(port >= 1 && port <= 65535, "port of health check '%s' must be 1..65535, was %d", id, port);
    resourcePath = blankToNull(resourcePath);
    searchString = searchString == null || searchString.isEmpty() ? null : searchString;
    if (type.isHttp()) {
      resourcePath = resourcePath == null ? "/" : resourcePath;
      require(resourcePath.startsWith("/"), "resourcePath of health check '%s' must start with '/', was '%s'", id,
          resourcePath);
      require(searchString == null || searchString.length() <= MAX_SEARCH_STRING_LENGTH,
          "searchString of health check '%s' must be at most %d characters", id, MAX_SEARCH_STRING_LENGTH);
    } else {
      require(resourcePath == null, "resourcePath of health check '%s' applies to HTTP and HTTPS only, not TCP", id);
      require(searchString == null, "searchString of health check '%s' applies to HTTP and HTTPS only, not TCP", id);
    }
    require(isPositive(requestInterval), "requestInterval of health check '%s' must be positive, was %s", id,
        requestInterval);
    require(failureThreshold >= 1 && failureThreshold <= 10,
        "failureThreshold of health check '%s' must be 1..10, was %d", id, failureThreshold);
    require(checkers >= 1, "checkers of health check '%s' must be at least 1, was %d", id, checkers);
    require(healthyShare >= 0 && healthyShare < 1,
        "healthyShare of health check '%s' must be at least 0 and below 1, was %s", id, healthyShare);
    connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    responseTimeout = responseTimeout == null ? DEFAULT_RESPONSE_TIMEOUT : responseTimeout;
    require(isPositive(connectTimeout), "connectTimeout of health check '%s' must be positive, was %s", id,
        connectTimeout);
    require(isPositive(responseTimeout), "responseTimeout of health check '%s' must be positive, was %s", id,
        responseTimeout);
  }

  /** A builder with Route 53's defaults: share 0.18, connect 4 s, response 2 s, path "/", 3 checkers. */
  public static Builder builder(String id, String region) {
    return new Builder(id, region);
  }

  /** The host the probe connects to: the address when set, otherwise the name. */
  public String host() {
    return ipAddress != null ? ipAddress : fqdn;
  }

  /** Short description of what is probed, e.g. {@code HTTPS /health} or {@code TCP port 5432}. */
  public String target() {
    return type.isHttp() ? type + " " + resourcePath : "TCP port " + port;
  }

  private static boolean isPositive(Duration duration) {
    return duration != null && duration.isPositive();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void require(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(message.formatted(args));
    }
  }

  /** Fluent construction of a {@link HealthCheckDefinition}; validation happens in {@link #build()}. */
  public static final class Builder {
    private final String id;
    private final String region;
    private String fqdn;
    private String ipAddress;
    private Integer port;
    private HealthCheckType type = HealthCheckType.HTTPS;
    private String resourcePath;
    private String searchString;
    private Duration requestInterval = Duration.ofSeconds(30);
    private int failureThreshold = 3;
    private int checkers = 3;
    private double healthyShare = ROUTE53_HEALTHY_SHARE;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
    private boolean inverted;

    private Builder(String id, String region) {
      this.id = id;
      this.region = region;
    }

    public Builder fqdn(String fqdn) {
      this.fqdn = fqdn;
      return this;
    }

    public Builder ipAddress(String ipAddress) {
      this.ipAddress = ipAddress;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder type(HealthCheckType type) {
      this.type = type;
      return this;
    }

    public Builder resourcePath(String resourcePath) {
      this.resourcePath = resourcePath;
      return this;
    }

    public Builder searchString(String searchString) {
      this.searchString = searchString;
      return this;
    }

    public Builder requestInterval(Duration requestInterval) {
      this.requestInterval = requestInterval;
      return this;
    }

    public Builder failureThreshold(int failureThreshold) {
      this.failureThreshold = failureThreshold;
      return this;
    }

    public Builder checkers(int checkers) {
      this.checkers = checkers;
      return this;
    }

    public Builder healthyShare(double healthyShare) {
      this.healthyShare = healthyShare;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder responseTimeout(Duration responseTimeout) {
      this.responseTimeout = responseTimeout;
      return this;
    }

    public Builder inverted(boolean inverted) {
      this.inverted = inverted;
      return this;
    }

    public HealthCheckDefinition build() {
      // The port defaults like Route 53's: 80 for HTTP, 443 for HTTPS; TCP has no sensible default.
      int effectivePort = port != null ? port
          : type == HealthCheckType.HTTP ? 80
          : type == HealthCheckType.HTTPS ? 443
          : 0;
      return new HealthCheckDefinition(id, region, fqdn, ipAddress, effectivePort, type, resourcePath, searchString,
          requestInterval, failureThreshold, checkers, healthyShare, connectTimeout, responseTimeout, inverted);
    }
  }
}
