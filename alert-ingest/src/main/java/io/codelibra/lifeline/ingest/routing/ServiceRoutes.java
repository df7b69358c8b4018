package io.codelibra.lifeline.ingest.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the owning Lifeline service of an alert from its labels: the routes in order, each a list
 * of Alertmanager-style matchers that must all match; the first match wins; else the default route.
 */
public final class ServiceRoutes {

  /** One route: all matchers must match for the alert to belong to the service. */
  public record Route(List<LabelMatcher> matchers, String service) {
    public Route {
      matchers = List.copyOf(matchers);
      if (service == null || service.isBlank()) {
        throw new IllegalArgumentException("a route needs a service");
      }
    }

    boolean matches(Map<String, String> labels) {
      return matchers.stream().allMatch(matcher -> matcher.matches(labels));
    }
  }

  private final List<Route> routes;
  private final String defaultService;

  public ServiceRoutes(List<Route> routes, String defaultService) {
    this.routes = List.copyOf(routes);
    this.defaultService = defaultService == null || defaultService.isBlank() ? null : defaultService;
  }

  public static ServiceRoutes none() {
    return new ServiceRoutes(List.of(), null);
  }

  /** The service of the first matching route, else the default route's, else none. */
  public Optional<String> serviceFor(Map<String, String> labels) {
    return routes.stream()
        .filter(route -> route.matches(labels))
        .map(Route::service)
        .findFirst()
        .or(() -> Optional.ofNullable(defaultService));
  }
}
