package io.codelibra.lifeline.statuspage.statuspageio;

import io.codelibra.lifeline.events.ComponentStatusChanged;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Wires the {@code syncStatuspageIo} consumer: the Statuspage.io sync when enabled, else a consumer that skips. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StatuspageIoProperties.class)
class StatuspageIoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StatuspageIoConfiguration.class);

  /**
   * Bound as {@code syncStatuspageIo-in-0} to {@code status.components}. It exists even when the sync is off, so
   * that the binding does not depend on the setting.
   */
  @Bean
  Consumer<Message<ComponentStatusChanged>> syncStatuspageIo(StatuspageIoProperties properties, MeterRegistry meters,
      ObjectProvider<Clock> clock) {
    if (!properties.enabled()) {
      log.info("The Statuspage.io sync is off (lifeline.statuspage.statuspage-io.enabled=false)");
      return changed -> { };
    }
    if (properties.components().isEmpty()) {
      log.warn("The Statuspage.io sync is on but maps no component (lifeline.statuspage.statuspage-io.components)");
    }
    StatuspageIoClient client = new StatuspageIoClient(properties.apiUrl(), properties.pageId(), properties.apiKey(),
        properties.connectTimeout(), properties.readTimeout());
    return new StatuspageIoSync(client, properties, meters, clock.getIfAvailable(Clock::systemUTC));
  }
}
