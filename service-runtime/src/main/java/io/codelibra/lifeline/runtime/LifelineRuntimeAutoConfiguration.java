package io.codelibra.lifeline.runtime;

import io.codelibra.lifeline.runtime.events.ConsumedEvents;
import io.codelibra.lifeline.runtime.security.SecurityProperties;
import io.codelibra.lifeline.runtime.security.WriteAuthenticationFilter;
import io.codelibra.lifeline.runtime.security.WriteRefusal;
import io.codelibra.lifeline.runtime.topics.LifelineTopics;
import io.codelibra.lifeline.runtime.topics.TopicProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.messaging.Message;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaAdmin;

/** Wires what every Lifeline service shares: write authentication, topic creation, event metrics. */
@AutoConfiguration
@EnableConfigurationProperties({SecurityProperties.class, TopicProperties.class})
public class LifelineRuntimeAutoConfiguration {

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  FilterRegistrationBean<WriteAuthenticationFilter> writeAuthenticationFilter(SecurityProperties security,
      ObjectProvider<WriteRefusal> refusal) {
    FilterRegistrationBean<WriteAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new WriteAuthenticationFilter(security.load(), refusal.getIfAvailable(WriteRefusal::problemJson),
            security.selfAuthenticatedPaths()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  @ConditionalOnClass(KafkaAdmin.class)
  @ConditionalOnProperty(name = "lifeline.topics.create", havingValue = "true")
  KafkaAdmin.NewTopics lifelineTopics(TopicProperties topics) {
    return LifelineTopics.all(topics.replicationFactor());
  }

  @Bean
  ConsumedEvents consumedEvents(MeterRegistry meters) {
    return new ConsumedEvents(meters);
  }

  /**
   * Meters every event on the topics a service binds to {@code meterEvents-in-0} (own consumer
   * group, so it never moves the offsets of the service's real processing).
   */
  @Bean
  @ConditionalOnProperty(name = "lifeline.event-meter.enabled", havingValue = "true")
  Consumer<Message<SpecificRecord>> meterEvents(ConsumedEvents consumed) {
    return consumed::record;
  }
}
