package io.codelibra.lifeline.statuspage.subscriber;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscriber settings ({@code lifeline.statuspage.subscriptions.*}): the secret behind the confirm and unsubscribe
 * links, the e-mail sender, the webhook signing secret and how deliveries are attempted. No toString shows a secret.
 *
 * @param linkSecret HMAC key of the confirm and unsubscribe tokens; changing it voids every link already sent, and
 *     without one a random key is used, so links die with the process
 * @param from the From address of confirmation and notification e-mails (the SMTP server is {@code spring.mail.*})
 * @param webhookSigningSecret HMAC key of {@code X-Lifeline-Signature}; webhooks go unsigned without one
 * @param connectTimeout webhook connect timeout
 * @param readTimeout webhook response timeout
 * @param parallelism deliveries of one update under way at once
 * @param pageWait how long an update waits for the page's state to be restored on start before it fails
 * @param staleAfter updates older than this are not sent: a replayed topic must not mail out its history
 */
@ConfigurationProperties("lifeline.statuspage.subscriptions")
public record SubscriptionProperties(
    String linkSecret,
    @DefaultValue("statuspage@localhost") String from,
    String webhookSigningSecret,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("5s") Duration readTimeout,
    @DefaultValue("4") int parallelism,
    @DefaultValue("60s") Duration pageWait,
    @DefaultValue("24h") Duration staleAfter,
    @DefaultValue Retry retry) {

  private static final String PREFIX = "lifeline.statuspage.subscriptions.";

  public SubscriptionProperties {
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException(PREFIX + "from must be an e-mail address");
    }
    requirePositive("connect-timeout", connectTimeout);
    requirePositive("read-timeout", readTimeout);
    requirePositive("page-wait", pageWait);
    requirePositive("stale-after", staleAfter);
    if (parallelism < 1) {
      throw new IllegalArgumentException(PREFIX + "parallelism must be at least 1");
    }
  }

  @Override
  public String toString() {
    return "SubscriptionProperties[linkSecret=" + presence(linkSecret) + ", from=" + from + ", webhookSigningSecret="
        + presence(webhookSigningSecret) + ", connectTimeout="
        + connectTimeout + ", readTimeout=" + readTimeout + ", parallelism=" + parallelism + ", pageWait=" + pageWait
        + ", staleAfter=" + staleAfter + ", retry=" + retry + "]";
  }

  /**
   * Attempts of one delivery: at most {@code maxAttempts}, {@code initialDelay} apart, then each
   * {@code multiplier} times longer, up to {@code maxDelay}.
   */
  public record Retry(
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("1s") Duration initialDelay,
      @DefaultValue("2") double multiplier,
      @DefaultValue("10s") Duration maxDelay) {

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
  }

  private static String presence(String secret) {
    return secret == null || secret.isEmpty() ? "(not set)" : "(set)";
  }

  private static void requirePositive(String property, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(PREFIX + property + " must be positive");
    }
  }
}
