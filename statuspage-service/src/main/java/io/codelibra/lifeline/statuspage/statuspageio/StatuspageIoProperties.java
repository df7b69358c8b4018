package io.codelibra.lifeline.statuspage.statuspageio;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Statuspage.io sync's settings ({@code lifeline.statuspage.statuspage-io.*}): the page, its API key and which
 * Statuspage.io component mirrors each Lifeline component. No toString shows the key.
 *
 * @param components Lifeline component id to Statuspage.io component id; components not listed are not synced
 * @param connectTimeout HTTP connect timeout
 * @param readTimeout HTTP response timeout
 */
@ConfigurationProperties("lifeline.statuspage.statuspage-io")
public record StatuspageIoProperties(
    boolean enabled,
    @DefaultValue("https://api.statuspage.io") URI apiUrl,
    String pageId,
    String apiKey,
    Map<String, String> components,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue Retry retry) {

  private static final String PREFIX = "lifeline.statuspage.statuspage-io.";

  public StatuspageIoProperties {
    components = components == null ? Map.of() : Map.copyOf(components);
    requirePositive("connect-timeout", connectTimeout);
    requirePositive("read-timeout", readTimeout);
    if (enabled) {
      if (apiUrl == null || apiUrl.getHost() == null
          || !("http".equalsIgnoreCase(apiUrl.getScheme()) || "https".equalsIgnoreCase(apiUrl.getScheme()))) {
        throw new IllegalArgumentException(PREFIX + "api-url must be an absolute http(s) URL");
      }
      if (pageId == null || pageId.isBlank()) {
        throw new IllegalArgumentException(PREFIX + "page-id must be set when the sync is enabled");
      }
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException(PREFIX + "api-key must be set when the sync is enabled");
      }
    }
  }

  @Override
  public String toString() {
    return "StatuspageIoProperties[enabled=" + enabled + ", apiUrl=" + apiUrl + ", pageId=" + pageId + ", apiKey="
        + (apiKey == null || apiKey.isBlank() ? "(not set)" : "(set)") + ", components=" + new TreeMap<>(components)
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", retry=" + retry + "]";
  }

  /**
   * Attempts of one status update: at most {@code maxAttempts}, {@code initialDelay} apart and then each
   * {@code multiplier} times longer, never waiting longer than {@code maxDelay} (a {@code Retry-After} asking for
   * more ends the attempts, and the record goes back to the binder).
   */
  public record Retry(
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("1s") Duration initialDelay,
      @DefaultValue("2") double multiplier,
      @DefaultValue("30s") Duration maxDelay) {

    public Retry {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException(PREFIX + "retry.max-attempts must be at least 1");
      }
      requirePositive("retry.initial-delay", initialDelay);
      if (multiplier < 1) {
        throw new IllegalArgumentException(PREFIX + "retry.multiplier must be at least 1");
      }
      if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException(PREFIX + "retry.max-delay must not be shorter than initial-delay");
      }
    }

    BackOff exponential() {
      ExponentialBackOff backOff = new ExponentialBackOff(initialDelay.toMillis(), multiplier);
      backOff.setMaxInterval(maxDelay.toMillis());
      backOff.setMaxAttempts(maxAttempts - 1L);
      return backOff;
    }
  }

  private static void requirePositive(String property, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(PREFIX + property + " must be positive");
    }
  }
}
