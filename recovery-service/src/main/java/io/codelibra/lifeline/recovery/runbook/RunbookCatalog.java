package io.codelibra.lifeline.recovery.runbook;

import io.codelibra.lifeline.runtime.yaml.YamlProblems;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runbooks this service runs, by id; built only when every file is valid. */
public final class RunbookCatalog {

  private final Map<String, Runbook> byId;

  private RunbookCatalog(Map<String, Runbook> byId) {
    this.byId = byId;
  }

  /**
   * Reads every source; all problems of all files are collected first, then reported together.
   *
   * @throws InvalidRunbooksException naming each file, line and reason
   */
  public static RunbookCatalog of(List<YamlSource> sources, RunbookReader reader) {
    YamlProblems problems = new YamlProblems();
    Map<String, Runbook> byId = new LinkedHashMap<>();
    for (YamlSource source : sources) {
      reader.read(source, problems).ifPresent(runbook -> {
        Runbook first = byId.putIfAbsent(runbook.id(), runbook);
        if (first != null) {
          problems.add(source.name(), 1, "runbook id '" + runbook.id() + "' is already used by " + first.file());
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new InvalidRunbooksException(problems.messages());
    }
    return new RunbookCatalog(byId);
  }

  /**
   * The catalog with this environment's parameter defaults ({@code runbook -> parameter -> value}); an unknown runbook
   * or parameter is refused, as a typo would otherwise be silently ignored.
   */
  public RunbookCatalog withParameters(Map<String, Map<String, String>> overrides) {
    Map<String, Runbook> changed = new LinkedHashMap<>(byId);
    overrides.forEach((id, parameters) -> {
      Runbook runbook = byId.get(id);
      if (runbook == null) {
        throw new InvalidRunbooksException(List.of("lifeline.recovery.runbook-parameters: no runbook '" + id + "'"));
      }
      Map<String, String> merged = new LinkedHashMap<>(runbook.parameters());
      parameters.forEach((name, value) -> {
        if (!merged.containsKey(name)) {
          throw new InvalidRunbooksException(List.of("lifeline.recovery.runbook-parameters." + id + ": runbook " + id
              + " has no parameter '" + name + "'"));
        }
        merged.put(name, value);
      });
      changed.put(id, new Runbook(runbook.id(), runbook.title(), runbook.tier(), runbook.description(), runbook.target(),
          runbook.objectives(), merged, runbook.triggers(), runbook.steps(), runbook.file(), runbook.version()));
    });
    return new RunbookCatalog(changed);
  }

  public Optional<Runbook> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<Runbook> all() {
    return List.copyOf(byId.values());
  }
}
