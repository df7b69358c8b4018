package io.codelibra.lifeline.failover.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53recoverycluster.Route53RecoveryClusterClient;
import software.amazon.awssdk.services.route53recoverycluster.model.RoutingControlState;
import software.amazon.awssdk.services.route53recoverycluster.model.UpdateRoutingControlStateEntry;

/**
 * Moves traffic with Route 53 Application Recovery Controller routing controls: one {@code UpdateRoutingControlStates}
 * call sets the target region's control On and every other region's Off (atomic, so the safety rules see a single
 * transition), then each control is read back with {@code GetRoutingControlState}.
 *
 * <p>ARC's data plane is a cluster of regional endpoints, any of which may be down during a regional event; the clients
 * are given one per cluster endpoint and tried in order until one answers, as AWS recommends.
 */
public final class ArcRoutingControlRouter implements TrafficRouter {

  private final List<Route53RecoveryClusterClient> clusterEndpoints;
  private final ArcRoutingSettings settings;
  private final Clock clock;

  public ArcRoutingControlRouter(List<Route53RecoveryClusterClient> clusterEndpoints, ArcRoutingSettings settings,
      Clock clock) {
    if (clusterEndpoints.isEmpty()) {
      throw new IllegalArgumentException("ARC needs at least one cluster endpoint client");
    }
    this.clusterEndpoints = List.copyOf(clusterEndpoints);
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public RoutingState current() {
    Map<String, RoutingControlState> states = readStates();
    List<String> on = states.entrySet().stream()
        .filter(e -> e.getValue() == RoutingControlState.ON)
        .map(Map.Entry::getKey)
        .toList();
    String observed = states.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "routing controls ", ""));
    if (on.size() != 1) {
      throw new IllegalStateException("expected exactly one routing control On: " + observed);
    }
    return new RoutingState(on.getFirst(), observed);
  }

  @Override
  public RoutingChange routeTo(String region) {
    settings.arnOf(region);
    StepRecorder steps = new StepRecorder(clock);
    Map<String, RoutingControlState> before = steps.run("arc-read-routing-controls", this::readStates,
        Object::toString);
    String fromRegion = before.entrySet().stream()
        .filter(e -> e.getValue() == RoutingControlState.ON)
        .map(Map.Entry::getKey)
        .collect(Collectors.joining(","));
    if (desired(region).equals(before)) {
      steps.skipped("arc-update-routing-control-states", "routing controls already route to " + region);
      return new RoutingChange(fromRegion, region, false, new RoutingState(region, "routing controls " + before),
          steps.steps());
    }
    steps.run("arc-update-routing-control-states", () -> {
      List<UpdateRoutingControlStateEntry> entries = new ArrayList<>();
      desired(region).forEach((r, state) -> entries.add(UpdateRoutingControlStateEntry.builder()
          .routingControlArn(settings.arnOf(r))
          .routingControlState(state)
          .build()));
      return onAnyEndpoint(client -> client.updateRoutingControlStates(b -> b.updateRoutingControlStateEntries(entries)));
    }, response -> region + " On, others Off");
    Map<String, RoutingControlState> after = steps.run("arc-verify-routing-controls", this::readStates,
        Object::toString);
    if (!desired(region).equals(after)) {
      throw steps.fail("read-back of the routing controls does not route to " + region + ": " + after);
    }
    return new RoutingChange(fromRegion, region, true, new RoutingState(region, "routing controls " + after),
        steps.steps());
  }

  private Map<String, RoutingControlState> desired(String region) {
    Map<String, RoutingControlState> desired = new LinkedHashMap<>();
    settings.routingControlArnByRegion().keySet()
        .forEach(r -> desired.put(r, r.equals(region) ? RoutingControlState.ON : RoutingControlState.OFF));
    return desired;
  }

  private Map<String, RoutingControlState> readStates() {
    Map<String, RoutingControlState> states = new LinkedHashMap<>();
    settings.routingControlArnByRegion().forEach((region, arn) -> states.put(region,
        onAnyEndpoint(client -> client.getRoutingControlState(b -> b.routingControlArn(arn))).routingControlState()));
    return states;
  }

  private <T> T onAnyEndpoint(Function<Route53RecoveryClusterClient, T> call) {
    SdkException last = null;
    for (Route53RecoveryClusterClient client : clusterEndpoints) {
      try {
        return call.apply(client);
      } catch (SdkException e) {
        // Only endpoint trouble is worth another endpoint; a refused request (safety rule, validation) is final.
        if (!isRetryableOnAnotherEndpoint(e)) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  private static boolean isRetryableOnAnotherEndpoint(SdkException e) {
    if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service) {
      return service.statusCode() >= 500 || service.isThrottlingException()
          || service instanceof software.amazon.awssdk.services.route53recoverycluster.model.EndpointTemporarilyUnavailableException;
    }
    return true;
  }
}
