package io.codelibra.lifeline.ingest.cloudwatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SNS receiver's settings ({@code lifeline.ingest.sns.*}): which hosts may serve signing
 * certificates and subscription confirmations, whether they must be HTTPS, what an
 * INSUFFICIENT_DATA alarm becomes, and the timeout of those outbound requests.
 *
 * @param signingCertHostPattern regex the host of {@code SigningCertURL} must match entirely
 * @param subscribeUrlHostPattern regex the host of {@code SubscribeURL} must match entirely
 * @param requireHttps both URLs must be {@code https} on the default port; only tests turn this off
 * @param insufficientData what a CloudWatch {@code INSUFFICIENT_DATA} state becomes
 * @param httpTimeout connect and response timeout for fetching certificates and confirming subscriptions
 */
@ConfigurationProperties("lifeline.ingest.sns")
public record SnsProperties(
    @DefaultValue(AWS_SNS_HOST) String signingCertHostPattern,
    @DefaultValue(AWS_SNS_HOST) String subscribeUrlHostPattern,
    @DefaultValue("true") boolean requireHttps,
    @DefaultValue("firing") InsufficientDataPolicy insufficientData,
    @DefaultValue("5s") Duration httpTimeout) {

  /** SNS's regional endpoints, including the China partition: the only hosts AWS uses for both URLs. */
  public static final String AWS_SNS_HOST = "^sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?$";

  public SnsUrlAllowList signingCertUrls() {
    return SnsUrlAllowList.of("lifeline.ingest.sns.signing-cert-host-pattern", signingCertHostPattern, requireHttps);
  }

  public SnsUrlAllowList subscribeUrls() {
    return SnsUrlAllowList.of("lifeline.ingest.sns.subscribe-url-host-pattern", subscribeUrlHostPattern, requireHttps);
  }
}
