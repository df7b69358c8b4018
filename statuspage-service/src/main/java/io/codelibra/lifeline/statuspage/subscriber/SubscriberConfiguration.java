package io.codelibra.lifeline.statuspage.subscriber;

import io.codelibra.lifeline.runtime.webhook.WebhookSignature;
import io.codelibra.lifeline.statuspage.page.PublishedPage;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.messaging.Message;

/**
 * Wires subscriptions: the confirm and unsubscribe links, the confirmation mailer, the channels and the
 * {@code notifySubscribers} consumer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionProperties.class)
class SubscriberConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SubscriberConfiguration.class);

  @Bean
  SubscriptionLinks subscriptionLinks(SubscriptionProperties properties,
      @Value("${lifeline.statuspage.public-url:http://localhost:8083}") URI publicUrl) {
    String secret = properties.linkSecret();
    if (secret == null || secret.isBlank()) {
      log.warn("lifeline.statuspage.subscriptions.link-secret is not set: a random one is used, so confirm and "
          + "unsubscribe links stop working when this instance stops, and other instances reject them");
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      secret = Base64.getEncoder().encodeToString(random);
    }
    return new SubscriptionLinks(secret, publicUrl);
  }

  /** Spring Boot configures a mail sender only when {@code spring.mail.host} is set. */
  @Bean
  ConfirmationMailer confirmationMailer(ObjectProvider<JavaMailSender> mail, SubscriptionProperties properties,
      SubscriptionLinks subscriptionLinks) {
    return new ConfirmationMailer(mail.getIfAvailable(), properties.from(), subscriptionLinks);
  }

  @Bean
  EmailNoticeSender emailNoticeSender(ObjectProvider<JavaMailSender> mail, SubscriptionProperties properties,
      SubscriptionLinks subscriptionLinks) {
    return new EmailNoticeSender(mail.getIfAvailable(), properties.from(), subscriptionLinks);
  }

  @Bean
  WebhookNoticeSender webhookNoticeSender(SubscriptionProperties properties, SubscriptionLinks subscriptionLinks,
      ObjectProvider<Clock> clock) {
    String secret = properties.webhookSigningSecret();
    WebhookSignature signature = null;
    if (secret == null || secret.isEmpty()) {
      log.warn("lifeline.statuspage.subscriptions.webhook-signing-secret is not set: "
          + "subscriber webhooks are sent unsigned");
    } else {
      signature = new WebhookSignature(secret);
    }
    return new WebhookNoticeSender(subscriptionLinks, signature, properties.connectTimeout(), properties.readTimeout(),
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  SubscriberNotifier subscriberNotifier(List<NoticeSender> senders, SubscriptionProperties properties,
      MeterRegistry meters) {
    return new SubscriberNotifier(senders, properties.retry(), properties.parallelism(), meters);
  }

  /** Bound as {@code notifySubscribers-in-0} to {@code status.incidents,status.maintenance}. */
  @Bean
  Consumer<Message<SpecificRecord>> notifySubscribers(PublishedPage publishedPage, SubscriberNotifier subscriberNotifier,
      SubscriptionProperties properties, ObjectProvider<Clock> clock) {
    return new NotifySubscribers(publishedPage, subscriberNotifier, properties.pageWait(), properties.staleAfter(),
        clock.getIfAvailable(Clock::systemUTC));
  }
}
