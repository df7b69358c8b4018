package io.codelibra.lifeline.ingest.pagerduty;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PagerDuty receiver's pure part as a bean: triggers without a dedup_key get a random one. */
@Configuration(proxyBeanMethods = false)
class PagerDutyConfiguration {

  @Bean
  PagerDutyEventReader pagerDutyEventReader() {
    return new PagerDutyEventReader(PagerDutyEventReader::randomDedupKey);
  }
}
