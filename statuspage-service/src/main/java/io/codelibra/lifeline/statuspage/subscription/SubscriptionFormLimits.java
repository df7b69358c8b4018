package io.codelibra.lifeline.statuspage.subscription;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rate limit of the public subscription form: sign-ups per minute for the whole page (each sends an e-mail). */
@Configuration(proxyBeanMethods = false)
public class SubscriptionFormLimits {

  @Bean
  Bucket subscriptionSignups(@Value("${lifeline.statuspage.subscriptions.signups-per-minute:30}") int perMinute) {
    return Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build();
  }
}
