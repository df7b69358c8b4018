package io.codelibra.lifeline.failover.fault;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Live drills on the embedded stack break a demo region through its own fault switch. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lifeline.failover.fault-injection.mode", havingValue = "local")
@EnableConfigurationProperties(LocalFaultInjectionProperties.class)
public class LocalFaultInjectionConfiguration {

  @Bean
  DemoRegionFaultSwitch demoRegionFaultSwitch(LocalFaultInjectionProperties properties) {
    return new DemoRegionFaultSwitch(properties.settings());
  }
}
