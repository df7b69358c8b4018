package io.codelibra.lifeline.ingest.integration;

import io.codelibra.lifeline.runtime.security.ApiKeys;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured integrations and their credentials. Secrets (bearer tokens, PagerDuty routing
 * keys) are held only as SHA-256 digests and every lookup compares against every digest of the
 * type in constant time, so neither a match nor its position leaks through timing.
 */
public final class Integrations {

  /** How an integration is configured ({@code lifeline.ingest.integrations.<name>.*}). */
  public record Settings(
      IntegrationType type,
      String secret,
      String secretSha256,
      String service,
      List<String> snsTopicArns,
      double ratePerSecond,
      long burst) {
  }

  private record Credential(byte[] digest, Integration integration) {
  }

  private final List<Credential> credentials;
  private final List<Integration> all;

  private Integrations(List<Credential> credentials, List<Integration> all) {
    this.credentials = credentials;
    this.all = all;
  }

  public static Integrations of(Map<String, Settings> settings) {
    List<Credential> credentials = new ArrayList<>();
    List<Integration> all = new ArrayList<>();
    settings.forEach((name, setting) -> {
      if (setting.type() == null) {
        throw new IllegalArgumentException("lifeline.ingest.integrations." + name + ".type is required");
      }
      Integration integration = new Integration(name, setting.type(), blankToNull(setting.service()),
          setting.snsTopicArns() == null ? List.of() : setting.snsTopicArns(), bucket(setting));
      all.add(integration);
      Optional<byte[]> digest = digestOf(name, setting);
      if (digest.isEmpty() && setting.type() != IntegrationType.sns) {
        throw new IllegalArgumentException("lifeline.ingest.integrations." + name
            + " needs a secret (secret, or secret-sha256 as 64 hex digits)");
      }
      digest.ifPresent(bytes -> credentials.add(new Credential(bytes, integration)));
    });
    return new Integrations(List.copyOf(credentials), List.copyOf(all));
  }

  /**
   * A sender authenticated by other means (the service API key), so it has no secret here: only its
   * name for events and metrics, and its rate limit.
   */
  public static Integration withoutSecret(String name, IntegrationType type, double ratePerSecond) {
    return new Integration(name, type, null, List.of(),
        bucket(new Settings(type, null, null, null, List.of(), ratePerSecond, 0)));
  }

  /** The integration of this type whose secret (bearer token or routing key) was presented. */
  public Optional<Integration> authenticate(IntegrationType type, String presentedSecret) {
    if (presentedSecret == null || presentedSecret.isEmpty()) {
      return Optional.empty();
    }
    byte[] presented = ApiKeys.sha256(presentedSecret);
    Integration found = null;
    for (Credential credential : credentials) {
      boolean same = MessageDigest.isEqual(credential.digest(), presented);
      if (same && credential.integration().type() == type) {
        found = credential.integration();
      }
    }
    return Optional.ofNullable(found);
  }

  /** The SNS integration that allows this topic ARN. */
  public Optional<Integration> forSnsTopic(String topicArn) {
    return all.stream()
        .filter(integration -> integration.type() == IntegrationType.sns)
        .filter(integration -> integration.snsTopicArns().contains(topicArn))
        .findFirst();
  }


  private static Bucket bucket(Settings setting) {
    double perSecond = setting.ratePerSecond() > 0 ? setting.ratePerSecond() : 100;
    long burst = setting.burst() > 0 ? setting.burst() : Math.max(1, (long) Math.ceil(perSecond * 2));
    long nanosPerToken = (long) (1_000_000_000L / perSecond);
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(1, Duration.ofNanos(Math.max(1, nanosPerToken))).build())
        .build();
  }

  private static Optional<byte[]> digestOf(String name, Settings setting) {
    if (setting.secretSha256() != null && !setting.secretSha256().isBlank()) {
      try {
        byte[] digest = HexFormat.of().parseHex(setting.secretSha256().trim().toLowerCase());
        if (digest.length == 32) {
          return Optional.of(digest);
        }
      } catch (IllegalArgumentException notHex) {
        // reported below
      }
      throw new IllegalArgumentException("lifeline.ingest.integrations." + name + ".secret-sha256 must be 64 hex digits");
    }
    if (setting.secret() != null && !setting.secret().isBlank()) {
      return Optional.of(ApiKeys.sha256(setting.secret().trim()));
    }
    return Optional.empty();
  }


  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
