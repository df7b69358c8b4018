package io.codelibra.lifeline.recovery.postmortem;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Post-incident reviews: the in-memory timeline, the feed that fills it from the topics (consumer group
 * {@code recovery-service.postmortem}), the draft store and the API. Off with
 * {@code lifeline.recovery.postmortem.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PostmortemProperties.class)
@ConditionalOnProperty(name = "lifeline.recovery.postmortem.enabled", havingValue = "true", matchIfMissing = true)
public class PostmortemConfiguration {

  static final String GROUP_ID = "recovery-service.postmortem";

  @Bean
  IncidentTimeline incidentTimeline(PostmortemProperties properties) {
    return new IncidentTimeline(properties.lead(), properties.trail(), properties.maxIncidents(),
        properties.maxEventsPerKey());
  }

  @Bean
  PostmortemStore postmortemStore(
      @Value("${lifeline.recovery.postmortem.directory:${LIFELINE_DATA_DIR:.lifeline}/postmortems}") Path directory) {
    return new PostmortemStore(directory);
  }

  @Bean
  @SuppressWarnings("unchecked")
  PostmortemFeed postmortemFeed(ConsumerFactory<?, ?> consumerFactory, IncidentTimeline timeline, PostmortemStore store,
      PostmortemProperties properties, ObjectProvider<Clock> clock) {
    Properties overrides = new Properties();
    overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new PostmortemFeed(
        () -> (Consumer<String, Object>) consumerFactory.createConsumer(GROUP_ID, GROUP_ID, null, overrides),
        timeline, store, clock.getIfAvailable(Clock::systemUTC), properties.settle(), properties.pollTimeout());
  }
}
