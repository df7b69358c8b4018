package io.codelibra.lifeline.failover.fault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;

/**
 * Fault injection on AWS with Fault Injection Service: each region has an experiment template whose actions disrupt
 * it, and the fault is active while an experiment of that template is {@code running}.
 *
 * <p>{@code inject} starts an experiment ({@code StartExperiment}, with a client token so the SDK's retries cannot start
 * two, tagged with the drill's reason and region) and polls {@code GetExperiment} until it is {@code running}; an
 * experiment that ends first ({@code failed}, say, when a stop condition or missing permission stops it) is an error.
 * {@code clear} stops every experiment of the template that is pending, initiating or running ({@code StopExperiment})
 * and polls until each has ended. Both look experiments up with {@code ListExperiments} by template rather than
 * remembering ids, so they work after a restart and also find an experiment someone started by hand.
 *
 * <p>FIS is regional and an experiment usually runs in the region it disrupts, so the clients are given per region
 * (the same client for several regions when one template uses cross-region actions).
 */
public final class FisExperimentFaultInjection implements FaultInjection {

  private static final Set<ExperimentStatus> STARTING = Set.of(ExperimentStatus.PENDING, ExperimentStatus.INITIATING);
  private static final Set<ExperimentStatus> ENDED = Set.of(ExperimentStatus.COMPLETED, ExperimentStatus.STOPPED,
      ExperimentStatus.FAILED, ExperimentStatus.CANCELLED);
  private static final int MAX_TAG_VALUE = 256;

  private final Map<String, FisClient> fisByRegion;
  private final FisFaultSettings settings;
  private final Clock clock;
  private final Supplier<String> clientTokens;

  public FisExperimentFaultInjection(Map<String, FisClient> fisByRegion, FisFaultSettings settings, Clock clock) {
    this(fisByRegion, settings, clock, () -> UUID.randomUUID().toString());
  }

  FisExperimentFaultInjection(Map<String, FisClient> fisByRegion, FisFaultSettings settings, Clock clock,
      Supplier<String> clientTokens) {
    for (String region : settings.experimentTemplateIdByRegion().keySet()) {
      if (!fisByRegion.containsKey(region)) {
        throw new IllegalArgumentException("no FIS client for region " + region);
      }
    }
    this.fisByRegion = Map.copyOf(fisByRegion);
    this.settings = settings;
    this.clock = clock;
    this.clientTokens = clientTokens;
  }

  @Override
  public FaultState inject(String region, String reason) {
    String template = settings.templateOf(region);
    FisClient fis = fisByRegion.get(region);
    List<ExperimentSummary> unfinished = call(region, () -> unfinishedExperiments(fis, template));
    Experiment experiment;
    if (unfinished.isEmpty()) {
      experiment = call(region, () -> fis.startExperiment(request -> request
          .experimentTemplateId(template)
          .clientToken(clientTokens.get())
          .tags(Map.of("lifeline:reason", truncate(reason), "lifeline:region", region))).experiment());
    } else {
      experiment = call(region, () -> get(fis, unfinished.getFirst().id()));
    }
    if (STARTING.contains(experiment.state().status())) {
      experiment = waitWhile(region, fis, experiment, STARTING);
    }
    if (experiment.state().status() != ExperimentStatus.RUNNING) {
      throw new FaultInjectionException(region, "FIS experiment " + experiment.id() + " of template " + template
          + " did not run: " + describe(experiment));
    }
    return new FaultState(region, true, experiment.id(), describe(experiment));
  }

  @Override
  public FaultState clear(String region) {
    String template = settings.templateOf(region);
    FisClient fis = fisByRegion.get(region);
    List<ExperimentSummary> unfinished = call(region, () -> unfinishedExperiments(fis, template));
    if (unfinished.isEmpty()) {
      return new FaultState(region, false, null, "no experiment of template " + template + " running");
    }
    Experiment last = null;
    for (ExperimentSummary summary : unfinished) {
      Experiment stopping = call(region, () -> fis.stopExperiment(request -> request.id(summary.id())).experiment());
      last = ENDED.contains(stopping.state().status())
          ? stopping
          : waitWhile(region, fis, stopping, Set.of(ExperimentStatus.PENDING, ExperimentStatus.INITIATING,
              ExperimentStatus.RUNNING, ExperimentStatus.STOPPING));
    }
    return new FaultState(region, false, last.id(), describe(last));
  }

  @Override
  public FaultState current(String region) {
    String template = settings.templateOf(region);
    List<ExperimentSummary> running = call(region, () -> unfinishedExperiments(fisByRegion.get(region), template))
        .stream()
        .filter(e -> e.state().status() == ExperimentStatus.RUNNING)
        .toList();
    if (running.isEmpty()) {
      return new FaultState(region, false, null, "no experiment of template " + template + " running");
    }
    ExperimentSummary experiment = running.getFirst();
    return new FaultState(region, true, experiment.id(), "experiment " + experiment.id() + " running");
  }

  private static List<ExperimentSummary> unfinishedExperiments(FisClient fis, String template) {
    return fis.listExperimentsPaginator(request -> request.experimentTemplateId(template)).experiments().stream()
        .filter(e -> template.equals(e.experimentTemplateId()))
        .filter(e -> e.state() != null && !ENDED.contains(e.state().status()))
        .toList();
  }

  private Experiment waitWhile(String region, FisClient fis, Experiment experiment, Set<ExperimentStatus> passing) {
    Instant deadline = clock.instant().plus(settings.maxWait());
    Experiment observed = experiment;
    while (passing.contains(observed.state().status())) {
      if (!clock.instant().isBefore(deadline)) {
        throw new FaultInjectionException(region, "FIS experiment " + observed.id() + " still "
            + observed.state().statusAsString() + " after " + settings.maxWait());
      }
      sleep(settings.pollInterval());
      String id = observed.id();
      observed = call(region, () -> get(fis, id));
    }
    return observed;
  }

  private static Experiment get(FisClient fis, String id) {
    return fis.getExperiment(request -> request.id(id)).experiment();
  }

  private static <T> T call(String region, Supplier<T> action) {
    try {
      return action.get();
    } catch (AwsServiceException e) {
      throw new FaultInjectionException(region, e.statusCode(), "FIS refused the call for region " + region + ": "
          + e.getMessage(), e);
    } catch (SdkException e) {
      throw new FaultInjectionException(region, "FIS call for region " + region + " failed: " + e.getMessage(), e);
    }
  }

  private static String describe(Experiment experiment) {
    return "experiment " + experiment.id() + " " + experiment.state().statusAsString()
        + (experiment.state().reason() == null ? "" : " (" + experiment.state().reason() + ")");
  }

  private static String truncate(String reason) {
    String text = reason == null || reason.isBlank() ? "lifeline drill" : reason;
    return text.length() <= MAX_TAG_VALUE ? text : text.substring(0, MAX_TAG_VALUE);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an FIS experiment", e);
    }
  }
}
