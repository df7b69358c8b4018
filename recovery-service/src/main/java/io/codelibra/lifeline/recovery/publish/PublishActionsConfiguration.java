package io.codelibra.lifeline.recovery.publish;

import io.codelibra.lifeline.runtime.publish.AcknowledgedPublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Steps that publish events: available in every mode (they only need the broker). */
@Configuration(proxyBeanMethods = false)
public class PublishActionsConfiguration {

  @Bean
  AlertActions alertActions(AcknowledgedPublisher recoveryPublisher, Clock clock) {
    return new AlertActions(recoveryPublisher, clock);
  }
}
