package io.codelibra.lifeline.ingest.cloudwatch;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the CloudWatch-via-SNS receiver: envelope reader, signature verifier, confirmer, alarm reader. */
@Configuration
@EnableConfigurationProperties(SnsProperties.class)
class CloudWatchConfiguration {

  /** Certificates kept at once; SNS uses one per region, so this is many times what is needed. */
  private static final int CERTIFICATE_CACHE_ENTRIES = 64;

  @Bean
  SnsMessageReader snsMessageReader() {
    return new SnsMessageReader();
  }

  @Bean
  SnsSignatureVerifier snsSignatureVerifier(SnsProperties properties, Clock clock) {
    return new SnsSignatureVerifier(properties.signingCertUrls(),
        new SnsCertificateCache(outboundClient(properties), properties.httpTimeout(), CERTIFICATE_CACHE_ENTRIES), clock);
  }

  @Bean
  SnsSubscriptionConfirmer snsSubscriptionConfirmer(SnsProperties properties) {
    return new SnsSubscriptionConfirmer(outboundClient(properties), properties.httpTimeout());
  }

  @Bean
  CloudWatchAlarmReader cloudWatchAlarmReader(SnsProperties properties) {
    return new CloudWatchAlarmReader(properties.insufficientData());
  }

  private static HttpClient outboundClient(SnsProperties properties) {
    // Never follow redirects: the allow-list judged the URL in the signed message, not where it points.
    return HttpClient.newBuilder()
        .connectTimeout(properties.httpTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }
}
