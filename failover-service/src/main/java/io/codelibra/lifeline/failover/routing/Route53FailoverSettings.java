package io.codelibra.lifeline.failover.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * The Route 53 failover record pair of the public entry point, as in the RFC's Terraform ({@code aws_route53_record.www}
 * and {@code www_secondary}): hosted zone, record name and type, the PRIMARY and SECONDARY records, and how long to wait
 * for a change to be INSYNC.
 */
public record Route53FailoverSettings(String hostedZoneId, String recordName, RecordType type, FailoverRecord primary,
    FailoverRecord secondary, Duration changeTimeout, Duration changePollInterval) {

  /** The record types a failover pair can have here. */
  public enum RecordType { A, AAAA, CNAME }

  public Route53FailoverSettings {
    Objects.requireNonNull(hostedZoneId, "hostedZoneId");
    Objects.requireNonNull(recordName, "recordName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(primary, "primary");
    Objects.requireNonNull(secondary, "secondary");
    if (primary.region().equals(secondary.region())) {
      throw new IllegalArgumentException("primary and secondary must be different regions");
    }
    if (type == RecordType.CNAME) {
      if (!(primary.target() instanceof RecordTarget.Cname) || !(secondary.target() instanceof RecordTarget.Cname)) {
        throw new IllegalArgumentException("a CNAME failover pair needs CNAME targets");
      }
    } else if (!(primary.target() instanceof RecordTarget.Alias) || !(secondary.target() instanceof RecordTarget.Alias)) {
      throw new IllegalArgumentException("an " + type + " failover pair needs alias targets");
    }
    changeTimeout = changeTimeout == null ? Duration.ofMinutes(5) : changeTimeout;
    changePollInterval = changePollInterval == null ? Duration.ofSeconds(10) : changePollInterval;
  }

  /** The settings with the PRIMARY/SECONDARY pair only, waiting up to 5 minutes for INSYNC, polling every 10 s. */
  public Route53FailoverSettings(String hostedZoneId, String recordName, RecordType type, FailoverRecord primary,
      FailoverRecord secondary) {
    this(hostedZoneId, recordName, type, primary, secondary, null, null);
  }

  /** The record of the given region (by its configured region name). */
  FailoverRecord recordOf(String region) {
    if (primary.region().equals(region)) {
      return primary;
    }
    if (secondary.region().equals(region)) {
      return secondary;
    }
    throw new IllegalArgumentException("unknown region " + region + "; expected " + primary.region() + " or "
        + secondary.region());
  }

  /**
   * One record of the failover pair: the region it serves, its set identifier, its health check id ({@code null} for
   * none, like the Terraform secondary), and its target.
   */
  public record FailoverRecord(String region, String setIdentifier, String healthCheckId, RecordTarget target) {
    public FailoverRecord {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(setIdentifier, "setIdentifier");
      Objects.requireNonNull(target, "target");
    }
  }

  /** What a record answers with: an alias to a load balancer, or a CNAME value. */
  public sealed interface RecordTarget {

    /** The DNS name the target answers with, compared without case, trailing dot or {@code dualstack.} prefix. */
    String dnsName();

    /** An alias to an AWS resource such as an ALB: the resource's hosted zone id and DNS name. */
    record Alias(String hostedZoneId, String dnsName, boolean evaluateTargetHealth) implements RecordTarget {
      public Alias {
        Objects.requireNonNull(hostedZoneId, "hostedZoneId");
        Objects.requireNonNull(dnsName, "dnsName");
      }
    }

    /** A CNAME answer with its TTL. */
    record Cname(String dnsName, long ttlSeconds) implements RecordTarget {
      public Cname {
        Objects.requireNonNull(dnsName, "dnsName");
      }
    }
  }
}
