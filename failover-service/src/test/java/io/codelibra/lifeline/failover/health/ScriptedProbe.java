package io.codelibra.lifeline.failover.health;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A fake probe that answers scripted results in call order, then the endpoint's current state. */
final class ScriptedProbe implements HealthProbe {

  private final Deque<ProbeResult> script = new ArrayDeque<>();
  private ProbeResult otherwise = pass();
  private int calls;

  static ProbeResult pass() {
    return ProbeResult.passed(Duration.ofMillis(12));
  }

  static ProbeResult fail(String error) {
    return ProbeResult.failed(Duration.ofMillis(4000), error);
  }

  ScriptedProbe then(ProbeResult... results) {
    script.addAll(List.of(results));
    return this;
  }

  ScriptedProbe endpointUp() {
    otherwise = pass();
    return this;
  }

  ScriptedProbe endpointDown(String error) {
    otherwise = fail(error);
    return this;
  }

  int calls() {
    return calls;
  }

  @Override
  public ProbeResult probe(HealthCheckDefinition check) {
    calls++;
    return script.isEmpty() ? otherwise : script.poll();
  }
}
