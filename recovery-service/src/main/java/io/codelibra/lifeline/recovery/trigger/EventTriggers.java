package io.codelibra.lifeline.recovery.trigger;

import io.codelibra.lifeline.recovery.runbook.Runbook;
import io.codelibra.lifeline.recovery.runbook.RunbookCatalog;
import io.codelibra.lifeline.recovery.runbook.RunbookTrigger;
import io.codelibra.lifeline.recovery.runbook.TemplateText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which runbooks an event starts: those with a trigger for its type (the Avro record name) whose every {@code match}
 * entry equals the event's field (as text: enums by symbol). A dry-run event ({@code dryRun: true}, e.g. a drill's
 * FailoverRequested) never starts a runbook.
 */
public final class EventTriggers {

  private final RunbookCatalog catalog;

  public EventTriggers(RunbookCatalog catalog) {
    this.catalog = catalog;
  }

  public List<TriggeredRun> runsFor(SpecificRecord event) {
    Map<String, String> fields = fields(event);
    if ("true".equals(fields.get("dryRun"))) {
      return List.of();
    }
    String type = event.getSchema().getName();
    List<TriggeredRun> runs = new ArrayList<>();
    for (Runbook runbook : catalog.all()) {
      runbook.triggers().stream()
          .filter(trigger -> type.equals(trigger.event()))
          .filter(trigger -> trigger.match().entrySet().stream().allMatch(entry -> entry.getValue().equals(fields.get(entry.getKey()))))
          .findFirst()
          .ifPresent(trigger -> runs.add(run(runbook, trigger, type, fields)));
    }
    return runs;
  }

  private static TriggeredRun run(Runbook runbook, RunbookTrigger trigger, String type, Map<String, String> fields) {
    Map<String, String> eventValues = new LinkedHashMap<>();
    fields.forEach((name, value) -> eventValues.put("event." + name, value));
    Map<String, String> parameters = new LinkedHashMap<>(runbook.parameters());
    trigger.parameters().forEach((name, template) -> parameters.put(name, resolve(template, eventValues)));
    Map<String, String> forTarget = new LinkedHashMap<>(eventValues);
    parameters.forEach((name, value) -> forTarget.put("params." + name, value));
    Map<String, String> recorded = new LinkedHashMap<>(parameters);
    recorded.putAll(eventValues);
    Instant outage = instant(fields.get("detectedAt")) != null ? instant(fields.get("detectedAt")) : instant(fields.get("occurredAt"));
    return new TriggeredRun(runbook, recorded, resolve(runbook.target(), forTarget), UUID.fromString(fields.get("eventId")),
        type, fields.get("incidentId"), outage);
  }

  /** The event's top-level scalar fields as text (records, arrays and maps are left out). */
  static Map<String, String> fields(SpecificRecord event) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Schema.Field field : event.getSchema().getFields()) {
      Object value = event.get(field.pos());
      if (value == null || value instanceof SpecificRecord || value instanceof List<?> || value instanceof Map<?, ?>) {
        continue;
      }
      fields.put(field.name(), Objects.toString(value));
    }
    return fields;
  }

  private static String resolve(String template, Map<String, String> values) {
    return TemplateText.fill(template, values, reference -> "");
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
