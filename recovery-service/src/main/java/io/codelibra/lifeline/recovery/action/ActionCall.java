package io.codelibra.lifeline.recovery.action;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.convert.DurationStyle;

/**
 * One call of an action: the run and step it belongs to, the idempotency key (run id + step name, stable across
 * retries and resumes), the step's resolved parameters (strings, after templating) and the time it may take.
 */
public record ActionCall(String runId, String stepName, String idempotencyKey, Map<String, String> parameters,
    Duration timeout) {

  public ActionCall {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(stepName, "stepName");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(timeout, "timeout");
  }

  /** The parameter's value; a missing or blank one fails the step (not retryable). */
  public String required(String name) {
    return optional(name).orElseThrow(() -> new ActionFailedException(
        "parameter '" + name + "' is required by step " + stepName, false));
  }

  public Optional<String> optional(String name) {
    String value = parameters.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  public boolean flag(String name, boolean otherwise) {
    return optional(name).map(Boolean::parseBoolean).orElse(otherwise);
  }

  /** A duration parameter in ISO-8601 ({@code PT30S}) or Spring's short form ({@code 30s}, {@code 5m}). */
  public Duration duration(String name, Duration otherwise) {
    return optional(name).map(ActionCall::parseDuration).orElse(otherwise);
  }

  static Duration parseDuration(String text) {
    try {
      return DurationStyle.detectAndParse(text);
    } catch (IllegalArgumentException e) {
      throw new ActionFailedException("'" + text + "' is not a duration (e.g. 30s, 5m, PT1H)", false);
    }
  }
}
