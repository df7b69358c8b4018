package io.codelibra.lifeline.statuspage.statuspageio;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StatuspageIoConfigurationTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(StatuspageIoConfiguration.class)
      .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

  @Test
  void theConsumerExistsButSyncsNothingWhileDisabled() {
    context.run(started -> {
      assertThat(started).hasNotFailed();
      assertThat(started.getBean("syncStatuspageIo")).isInstanceOf(Consumer.class)
          .isNotInstanceOf(StatuspageIoSync.class);
      StatuspageIoProperties properties = started.getBean(StatuspageIoProperties.class);
      assertThat(properties.enabled()).isFalse();
      assertThat(properties.apiUrl()).isEqualTo(URI.create("https://api.statuspage.io"));
      assertThat(properties.retry().maxAttempts()).isEqualTo(5);
      assertThat(properties.retry().maxDelay()).isEqualTo(Duration.ofSeconds(30));
    });
  }

  @Test
  void bindsThePageTheKeyAndTheComponentMapWithoutShowingTheKey() {
    context.withPropertyValues(
            "lifeline.statuspage.statuspage-io.enabled=true",
            "lifeline.statuspage.statuspage-io.page-id=pg-7x2k",
            "lifeline.statuspage.statuspage-io.api-key=sp-s3cr3t",
            "lifeline.statuspage.statuspage-io.components.api=sp-cmp-api",
            "lifeline.statuspage.statuspage-io.components.checkout=sp-cmp-checkout")
        .run(started -> {
          assertThat(started).hasNotFailed();
          assertThat(started.getBean("syncStatuspageIo")).isInstanceOf(StatuspageIoSync.class);
          StatuspageIoProperties properties = started.getBean(StatuspageIoProperties.class);
          assertThat(properties.components()).containsEntry("api", "sp-cmp-api")
              .containsEntry("checkout", "sp-cmp-checkout");
          assertThat(properties).asString().contains("pg-7x2k", "apiKey=(set)").doesNotContain("sp-s3cr3t");
        });
  }

  @Test
  void anEnabledSyncWithoutKeyStopsTheStart() {
    context.withPropertyValues("lifeline.statuspage.statuspage-io.enabled=true",
            "lifeline.statuspage.statuspage-io.page-id=pg-7x2k")
        .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessage("lifeline.statuspage.statuspage-io.api-key must be set when the sync is enabled"));
  }
}
