package io.codelibra.lifeline.escalation.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The notifier's settings ({@code lifeline.escalation.notify.*}): timeouts, retry backoff, and per channel its
 * endpoints and credentials. Credentials come from the environment or secret files, and no toString shows them.
 *
 * @param source the {@code source} of the {@code NotificationDelivered} events
 * @param connectTimeout HTTP connect timeout
 * @param readTimeout HTTP response timeout
 * @param attemptTimeout hard bound of one attempt on any channel, SMTP included
 * @param deliveryBudget no retry starts later than this after a notification's first attempt
 * @param ackTimeout how long to wait for the broker to acknowledge an outcome
 */
@ConfigurationProperties("lifeline.escalation.notify")
public record NotifyProperties(
    @DefaultValue("escalation-service/notifier") String source,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("5s") Duration readTimeout,
    @DefaultValue("10s") Duration attemptTimeout,
    @DefaultValue("60s") Duration deliveryBudget,
    @DefaultValue("10s") Duration ackTimeout,
    @DefaultValue Backoff backoff,
    @DefaultValue Webhook webhook,
    @DefaultValue Slack slack,
    @DefaultValue Email email,
    @DefaultValue PagerDuty pagerduty) {

  public NotifyProperties {
    requirePositive("connect-timeout", connectTimeout);
    requirePositive("read-timeout", readTimeout);
    requirePositive("attempt-timeout", attemptTimeout);
    requirePositive("delivery-budget", deliveryBudget);
    requirePositive("ack-timeout", ackTimeout);
  }

  /**
   * The delays between attempts: {@code initialDelay}, then each {@code multiplier} times the last, at most
   * {@code maxDelay}, each varied by up to {@code jitter} either way.
   */
  public record Backoff(
      @DefaultValue("1s") Duration initialDelay,
      @DefaultValue("2") double multiplier,
      @DefaultValue("30s") Duration maxDelay,
      @DefaultValue("0s") Duration jitter) {

    public Backoff {
      requirePositive("backoff.initial-delay", initialDelay);
      if (multiplier < 1) {
        throw new IllegalArgumentException("lifeline.escalation.notify.backoff.multiplier must be at least 1");
      }
      if (maxDelay.compareTo(initialDelay) < 0) {
        throw new IllegalArgumentException(
            "lifeline.escalation.notify.backoff.max-delay must not be shorter than initial-delay");
      }
      if (jitter.isNegative()) {
        throw new IllegalArgumentException("lifeline.escalation.notify.backoff.jitter must not be negative");
      }
    }

    public ExponentialBackOff toBackOff() {
      ExponentialBackOff backOff = new ExponentialBackOff(initialDelay.toMillis(), multiplier);
      backOff.setMaxInterval(maxDelay.toMillis());
      backOff.setJitter(jitter.toMillis());
      return backOff;
    }
  }

  /**
   * Generic webhooks: the HMAC-SHA256 signing secret (webhooks go unsigned without one), and URLs by
   * endpoint name for requests whose recipient is a name rather than a URL.
   */
  public record Webhook(String signingSecret, Map<String, URI> endpoints) {

    public Webhook {
      endpoints = httpUrls("webhook.endpoints", endpoints);
    }

    @Override
    public String toString() {
      return "Webhook[signingSecret=" + Secrets.presence(signingSecret) + ", endpoints=" + new TreeSet<>(endpoints.keySet())
          + "]";
    }
  }

  /** Slack incoming-webhook URLs by name; each URL is a credential. */
  public record Slack(Map<String, URI> endpoints) {

    public Slack {
      endpoints = httpUrls("slack.endpoints", endpoints);
    }

    @Override
    public String toString() {
      return "Slack[endpoints=" + new TreeSet<>(endpoints.keySet()) + "]";
    }
  }

  /** The From address of notification e-mails; the SMTP server itself is {@code spring.mail.*}. */
  public record Email(String from) {
  }

  /** The Events API v2 endpoint, and routing keys by name for requests whose recipient is a name. */
  public record PagerDuty(@DefaultValue("https://events.pagerduty.com/v2/enqueue") URI url,
      Map<String, String> routingKeys) {

    public PagerDuty {
      routingKeys = routingKeys == null ? Map.of() : Map.copyOf(routingKeys);
      if (!isHttpUrl(url)) {
        throw new IllegalArgumentException("lifeline.escalation.notify.pagerduty.url must be an http(s) URL");
      }
    }

    @Override
    public String toString() {
      return "PagerDuty[url=" + url + ", routingKeys=" + new TreeSet<>(routingKeys.keySet()) + "]";
    }
  }

  private static Map<String, URI> httpUrls(String property, Map<String, URI> urls) {
    if (urls == null) {
      return Map.of();
    }
    urls.forEach((name, url) -> {
      if (!isHttpUrl(url)) {
        // The URL itself is not repeated: it may hold a token.
        throw new IllegalArgumentException("lifeline.escalation.notify." + property + "." + name
            + " must be an absolute http(s) URL");
      }
    });
    return Map.copyOf(urls);
  }

  private static boolean isHttpUrl(URI url) {
    return url != null && url.getHost() != null
        && ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()));
  }

  private static void requirePositive(String property, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("lifeline.escalation.notify." + property + " must be positive");
    }
  }
}
