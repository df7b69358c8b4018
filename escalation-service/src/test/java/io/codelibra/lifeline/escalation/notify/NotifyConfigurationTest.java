package io.codelibra.lifeline.escalation.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;

class NotifyConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(NotifyConfiguration.class)
      .withBean(KafkaTemplate.class, () -> mock(KafkaTemplate.class));

  @Test
  void providesTheDeliverNotificationsFunctionAndEveryChannel() {
    context.run(started -> {
      assertThat(started).hasNotFailed();
      assertThat(started.getBean("deliverNotifications")).isInstanceOf(Consumer.class);
      assertThat(started).hasSingleBean(Notifier.class).hasSingleBean(WebhookSender.class)
          .hasSingleBean(SlackSender.class).hasSingleBean(PagerDutySender.class).hasSingleBean(EmailSender.class)
          .hasSingleBean(KafkaDeliveryRecorder.class);
    });
  }

  @Test
  void bindsTheSettingsWithTheirDefaults() {
    context.withPropertyValues(
            "lifeline.escalation.notify.backoff.initial-delay=250ms",
            "lifeline.escalation.notify.pagerduty.routing-keys.payments=R0UT1NGKEY",
            "lifeline.escalation.notify.slack.endpoints.incidents=https://hooks.slack.com/services/T0/B0/XXXX")
        .run(started -> {
          NotifyProperties properties = started.getBean(NotifyProperties.class);
          assertThat(properties.source()).isEqualTo("escalation-service/notifier");
          assertThat(properties.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
          assertThat(properties.backoff().initialDelay()).isEqualTo(Duration.ofMillis(250));
          assertThat(properties.backoff().multiplier()).isEqualTo(2.0);
          assertThat(properties.pagerduty().url()).isEqualTo(URI.create("https://events.pagerduty.com/v2/enqueue"));
          assertThat(properties.pagerduty().routingKeys()).containsEntry("payments", "R0UT1NGKEY");
          assertThat(properties.slack().endpoints()).containsKey("incidents");
        });
  }

  @Test
  void anSmtpServerWithoutFromAddressStopsTheStart() {
    context.withBean(JavaMailSender.class, () -> mock(JavaMailSender.class))
        .run(started -> assertThat(started).hasFailed().getFailure()
            .rootCause().hasMessageContaining("lifeline.escalation.notify.email.from"));
  }

  @Test
  void anEndpointThatIsNotAnHttpUrlStopsTheStartWithoutShowingIt() {
    context.withPropertyValues("lifeline.escalation.notify.webhook.endpoints.ops=ftp://example.com/T0K3N")
        .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessage("lifeline.escalation.notify.webhook.endpoints.ops must be an absolute http(s) URL"));
  }

  @Test
  void settingsNeverShowTheirSecrets() {
    context.withPropertyValues(
            "lifeline.escalation.notify.webhook.signing-secret=whsec-S3CR3T",
            "lifeline.escalation.notify.webhook.endpoints.ops=https://hooks.example.com/T0K3N",
            "lifeline.escalation.notify.slack.endpoints.incidents=https://hooks.slack.com/services/T0/B0/SL4CK",
            "lifeline.escalation.notify.pagerduty.routing-keys.payments=R0UT1NGKEY")
        .run(started -> assertThat(started.getBean(NotifyProperties.class).toString())
            .contains("signingSecret=(set)", "ops", "incidents", "payments")
            .doesNotContain("S3CR3T", "T0K3N", "SL4CK", "R0UT1NGKEY"));
  }
}
