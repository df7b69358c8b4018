package io.codelibra.lifeline.deploy.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region-outage drill's record: each expected step as it was observed (its event's own time) or missed, and the
 * order the core flow requires: a step observed before one it must follow is out of order.
 */
public final class DrillTimeline {

  /** One expected step: observed at {@code at} with {@code detail}, or missing (null {@code at}). */
  public record Step(String name, String description, List<String> after, Instant at, String detail) {

    public boolean observed() {
      return at != null;
    }
  }

  private final Instant start;
  private final Map<String, Step> steps = new LinkedHashMap<>();

  public DrillTimeline(Instant start) {
    this.start = start;
  }

  public Instant start() {
    return start;
  }

  public Step observed(String name, String description, List<String> after, Instant at, String detail) {
    Step step = new Step(name, description, List.copyOf(after), at, detail);
    steps.put(name, step);
    return step;
  }

  public Step missed(String name, String description, List<String> after, String why) {
    Step step = new Step(name, description, List.copyOf(after), null, why);
    steps.put(name, step);
    return step;
  }

  public List<Step> steps() {
    return List.copyOf(steps.values());
  }

  public Optional<Step> step(String name) {
    return Optional.ofNullable(steps.get(name));
  }

  /** Milliseconds from the drill's start (the fault) to the step. */
  public long offsetMs(Step step) {
    return Duration.between(start, step.at()).toMillis();
  }

  /** Everything wrong: missing steps and steps observed before a step they must follow. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (Step step : steps.values()) {
      if (!step.observed()) {
        problems.add(step.name() + " missing: " + step.detail());
        continue;
      }
      for (String before : step.after()) {
        Step earlier = steps.get(before);
        if (earlier != null && earlier.observed() && step.at().isBefore(earlier.at())) {
          problems.add(step.name() + " at +" + offsetMs(step) + " ms came before " + before + " at +" + offsetMs(earlier) + " ms");
        }
      }
    }
    return problems;
  }

  public boolean passed() {
    return problems().isEmpty();
  }
}
