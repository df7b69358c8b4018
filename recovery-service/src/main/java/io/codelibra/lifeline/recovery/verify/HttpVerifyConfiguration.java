package io.codelibra.lifeline.recovery.verify;

import io.codelibra.lifeline.recovery.action.RecoveryAction;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code http.verify} action, the same in every environment. */
@Configuration(proxyBeanMethods = false)
public class HttpVerifyConfiguration {

  @Bean
  RecoveryAction httpVerifyAction(ObjectProvider<Clock> clock) {
    return new HttpVerifyAction(clock.getIfAvailable(Clock::systemUTC));
  }
}
