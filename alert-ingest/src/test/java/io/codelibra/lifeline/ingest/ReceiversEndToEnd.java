package io.codelibra.lifeline.ingest;

import io.codelibra.lifeline.testing.kafka.WithKafkaStack;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The service on the shared embedded broker and registry, with one integration per receiver plus a
 * slow one for rate-limit tests and two label routes. Every receiver test uses these same settings,
 * so they all share one Spring context instead of starting one each.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithKafkaStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "lifeline.ingest.integrations.am.type=alertmanager",
    "lifeline.ingest.integrations.am.secret=" + ReceiversEndToEnd.ALERTMANAGER_TOKEN,
    "lifeline.ingest.integrations.am-slow.type=alertmanager",
    "lifeline.ingest.integrations.am-slow.secret=" + ReceiversEndToEnd.SLOW_ALERTMANAGER_TOKEN,
    "lifeline.ingest.integrations.am-slow.rate-per-second=0.001",
    "lifeline.ingest.integrations.am-slow.burst=1",
    "lifeline.ingest.integrations.pd.type=pagerduty",
    "lifeline.ingest.integrations.pd.secret=" + ReceiversEndToEnd.ROUTING_KEY,
    "lifeline.ingest.integrations.pd.service=checkout",
    "lifeline.ingest.integrations.pd-slow.type=pagerduty",
    "lifeline.ingest.integrations.pd-slow.secret=" + ReceiversEndToEnd.SLOW_ROUTING_KEY,
    "lifeline.ingest.integrations.pd-slow.service=checkout",
    "lifeline.ingest.integrations.pd-slow.rate-per-second=0.001",
    "lifeline.ingest.integrations.pd-slow.burst=1",
    "lifeline.ingest.routing.routes[0].matchers[0]=team=\"payments\"",
    "lifeline.ingest.routing.routes[0].service=payments",
    "lifeline.ingest.routing.routes[1].matchers[0]=job=~\"http_.*\"",
    "lifeline.ingest.routing.routes[1].service=web-probes",
})
public @interface ReceiversEndToEnd {

  String ALERTMANAGER_TOKEN = "am-token";
  /** One event, then about 1000 s of 429. */
  String SLOW_ALERTMANAGER_TOKEN = "am-slow-token";
  /** The routing key of PagerDuty's own OpenAPI example, so its trigger example works as it is. */
  String ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6";
  /** One event, then about 1000 s of 429. */
  String SLOW_ROUTING_KEY = "5f0c7a1e9b2d4c6a8e0f1a3b5c7d9e2f";
}
