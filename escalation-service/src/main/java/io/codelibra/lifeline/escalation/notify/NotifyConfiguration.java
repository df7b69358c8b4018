package io.codelibra.lifeline.escalation.notify;

import io.codelibra.lifeline.runtime.webhook.WebhookSignature;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.messaging.Message;

/** Wires the notifier: the channel senders, retries, the Kafka recorder and the {@code deliverNotifications} function. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotifyConfiguration.class);

  @Bean
  JsonPoster notificationHttp(NotifyProperties properties) {
    return new JsonPoster(properties.connectTimeout(), properties.readTimeout());
  }

  @Bean
  WebhookSender webhookSender(JsonPoster notificationHttp, NotifyProperties properties, ObjectProvider<Clock> clock) {
    String secret = properties.webhook().signingSecret();
    WebhookSignature signature = null;
    if (secret == null || secret.isEmpty()) {
      log.warn("lifeline.escalation.notify.webhook.signing-secret is not set: webhooks are sent unsigned");
    } else {
      signature = new WebhookSignature(secret);
    }
    return new WebhookSender(notificationHttp, new HttpEndpoints(properties.webhook().endpoints()), signature,
        clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  SlackSender slackSender(JsonPoster notificationHttp, NotifyProperties properties) {
    return new SlackSender(notificationHttp, new HttpEndpoints(properties.slack().endpoints()));
  }

  @Bean
  PagerDutySender pagerDutySender(JsonPoster notificationHttp, NotifyProperties properties) {
    return new PagerDutySender(notificationHttp, properties.pagerduty().url(), properties.pagerduty().routingKeys());
  }

  /** Spring Boot configures a mail sender only when {@code spring.mail.host} is set. */
  @Bean
  EmailSender emailSender(ObjectProvider<JavaMailSender> mail, NotifyProperties properties) {
    return new EmailSender(mail.getIfAvailable(), properties.email().from());
  }

  @Bean
  AttemptTimeout notificationAttemptTimeout(NotifyProperties properties) {
    return new AttemptTimeout(properties.attemptTimeout());
  }

  @Bean
  DeliveryRecorder deliveryRecorder(KafkaTemplate<String, SpecificRecord> kafka, NotifyProperties properties) {
    return new KafkaDeliveryRecorder(kafka, properties.ackTimeout());
  }

  @Bean
  Notifier notifier(List<NotificationSender> senders, DeliveryRecorder deliveryRecorder,
      AttemptTimeout notificationAttemptTimeout, NotifyProperties properties, ObjectProvider<Clock> clock) {
    return new Notifier(senders, deliveryRecorder, properties.source(), notificationAttemptTimeout,
        properties.backoff().toBackOff(), properties.deliveryBudget(), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  DeferredDeliveries deferredDeliveries() {
    return new DeferredDeliveries();
  }

  /** Bound as {@code deliverNotifications-in-0} to the {@code notifications} topic. */
  @Bean
  Consumer<Message<SpecificRecord>> deliverNotifications(Notifier notifier, DeferredDeliveries deferredDeliveries,
      ObjectProvider<Clock> clock) {
    return new DeliverNotifications(notifier, deferredDeliveries, clock.getIfAvailable(Clock::systemUTC));
  }
}
