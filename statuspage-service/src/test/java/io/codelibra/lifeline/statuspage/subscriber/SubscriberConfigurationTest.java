package io.codelibra.lifeline.statuspage.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import io.codelibra.lifeline.statuspage.page.PublishedPage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SubscriberConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(SubscriberConfiguration.class)
      .withBean(PublishedPage.class, PublishedPage::new)
      .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  @Test
  void providesTheConsumerTheLinksAndTheConfirmationMailerWithDefaults() {
    context.run(started -> {
      assertThat(started).hasNotFailed();
      assertThat(started.getBean("notifySubscribers")).isInstanceOf(NotifySubscribers.class).isInstanceOf(Consumer.class);
      assertThat(started).hasSingleBean(ConfirmationMailer.class).hasSingleBean(SubscriptionLinks.class);
      assertThat(started.getBean(SubscriptionLinks.class).confirmUrl("sub-1").toString())
          .startsWith("http://localhost:8083/subscriptions/sub-1/confirm?token=");
      SubscriptionProperties properties = started.getBean(SubscriptionProperties.class);
      assertThat(properties.from()).isEqualTo("statuspage@localhost");
      assertThat(properties.retry().maxAttempts()).isEqualTo(3);
      assertThat(properties.pageWait()).isEqualTo(Duration.ofSeconds(60));
      assertThat(properties.staleAfter()).isEqualTo(Duration.ofHours(24));
    });
  }

  @Test
  void theSameLinkSecretMakesTheSameLinksOnEveryInstanceAndIsNeverShown() {
    ApplicationContextRunner configured = context.withPropertyValues(
        "lifeline.statuspage.public-url=https://status.acme.test",
        "lifeline.statuspage.subscriptions.link-secret=l1nk-s3cr3t",
        "lifeline.statuspage.subscriptions.webhook-signing-secret=whsec-s1gn1ng");
    URI[] first = new URI[1];
    configured.run(started -> first[0] = started.getBean(SubscriptionLinks.class).unsubscribeUrl("sub-1"));
    configured.run(started -> {
      assertThat(started.getBean(SubscriptionLinks.class).unsubscribeUrl("sub-1")).isEqualTo(first[0]);
      assertThat(first[0].toString()).startsWith("https://status.acme.test/subscriptions/sub-1/unsubscribe?token=");
      assertThat(started.getBean(SubscriptionProperties.class)).asString()
          .contains("linkSecret=(set)", "webhookSigningSecret=(set)").doesNotContain("l1nk-s3cr3t", "whsec-s1gn1ng");
    });
  }
}
