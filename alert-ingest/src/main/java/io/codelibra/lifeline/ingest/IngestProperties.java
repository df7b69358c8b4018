package io.codelibra.lifeline.ingest;

import io.codelibra.lifeline.ingest.integration.IntegrationType;
import io.codelibra.lifeline.ingest.integration.Integrations;
import io.codelibra.lifeline.ingest.routing.LabelMatcher;
import io.codelibra.lifeline.ingest.routing.ServiceRoutes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * alert-ingest's settings ({@code lifeline.ingest.*}): delivery timeout, size limits, the severity
 * table's overrides, the routing rules and the integrations with their credentials and rate limits.
 */
@ConfigurationProperties("lifeline.ingest")
public record IngestProperties(
    @DefaultValue("10s") Duration ackTimeout,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("16KB") DataSize maxRawPayload,
    Map<String, Map<String, String>> severity,
    Routing routing,
    Map<String, Integration> integrations) {

  public IngestProperties {
    severity = severity == null ? Map.of() : severity;
    routing = routing == null ? new Routing(List.of(), null) : routing;
    integrations = integrations == null ? Map.of() : integrations;
  }

  /** Routes in order (first match wins) and the default route's service. */
  public record Routing(List<Route> routes, String defaultService) {
    public Routing {
      routes = routes == null ? List.of() : routes;
    }

    public ServiceRoutes toServiceRoutes() {
      return new ServiceRoutes(routes.stream()
          .map(route -> new ServiceRoutes.Route(route.matchers().stream().map(LabelMatcher::parse).toList(),
              route.service()))
          .toList(), defaultService);
    }
  }

  /** One route: Alertmanager-style matchers, all of which must match. */
  public record Route(List<String> matchers, String service) {
    public Route {
      matchers = matchers == null ? List.of() : matchers;
    }
  }

  /**
   * One integration: its type, its secret (a bearer token or a PagerDuty routing key: in clear from an
   * environment variable or secret file, or as its SHA-256), its service, allowed SNS topic ARNs and
   * its rate limit (events per second, burst).
   */
  public record Integration(
      IntegrationType type,
      String secret,
      String secretSha256,
      String service,
      List<String> snsTopicArns,
      @DefaultValue("100") double ratePerSecond,
      @DefaultValue("0") long burst) {
  }

  public Integrations toIntegrations() {
    Map<String, Integrations.Settings> settings = new LinkedHashMap<>();
    integrations.forEach((name, integration) -> settings.put(name, new Integrations.Settings(integration.type(),
        integration.secret(), integration.secretSha256(), integration.service(), integration.snsTopicArns(),
        integration.ratePerSecond(), integration.burst())));
    return Integrations.of(settings);
  }
}
