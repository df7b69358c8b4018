package io.codelibra.lifeline.recovery.runbook;

import io.codelibra.lifeline.recovery.runbook.RunbookStep.Invocation;
import io.codelibra.lifeline.recovery.runbook.RunbookStep.OnFailure;
import io.codelibra.lifeline.recovery.runbook.RunbookStep.Retries;
import io.codelibra.lifeline.runtime.yaml.YamlEntry;
import io.codelibra.lifeline.runtime.yaml.YamlFields;
import io.codelibra.lifeline.runtime.yaml.YamlNode;
import io.codelibra.lifeline.runtime.yaml.YamlProblems;
import io.codelibra.lifeline.runtime.yaml.YamlSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.scheduling.support.CronExpression;

/**
 * Reads one runbook file and checks it against the actions this service has: every problem is reported with the
 * file, the line and the reason (unknown keys, a missing or unknown action, a parameter an action requires, a
 * template naming an undefined parameter or a later step, a bad duration or cron), so a broken runbook stops the
 * start-up instead of failing mid-recovery.
 */
public final class RunbookReader {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Map<String, Set<String>> requiredParametersByAction;

  /** @param requiredParametersByAction every action runbooks may use, with the parameters it requires */
  public RunbookReader(Map<String, Set<String>> requiredParametersByAction) {
    this.requiredParametersByAction = Map.copyOf(requiredParametersByAction);
  }

  /** The runbook, or empty after reporting its problems to {@code problems}. */
  public Optional<Runbook> read(YamlSource source, YamlProblems problems) {
    int before = problems.messages().size();
    Optional<Runbook> runbook = YamlNode.parse(source, problems).flatMap(root -> runbook(root, source));
    if (runbook.isPresent()) {
      new TemplateCheck(runbook.get(), problems).run();
    }
    return problems.messages().size() == before ? runbook : Optional.empty();
  }

  private Optional<Runbook> runbook(YamlNode root, YamlSource source) {
    Optional<YamlFields> fields = root.fields("runbook", "id", "title", "tier", "description", "target", "objectives",
        "parameters", "triggers", "steps");
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    YamlFields runbook = fields.get();
    Optional<String> id = runbook.required("id").flatMap(node -> node.parsed("id", RunbookReader::id,
        "lower-case letters, digits and hyphens (at most 63)"));
    Optional<String> title = runbook.requiredText("title");
    Optional<Integer> tier = runbook.required("tier").flatMap(node -> node.integer("tier", 1, 3));
    Optional<String> target = runbook.requiredText("target");
    Optional<Objectives> objectives = runbook.optional("objectives").map(this::objectives).orElse(Optional.of(Objectives.DR_PLAN));
    Optional<Map<String, String>> parameters = runbook.optional("parameters").map(node -> strings(node, "parameters"))
        .orElse(Optional.of(Map.of()));
    Optional<List<RunbookTrigger>> triggers = runbook.optionalItems("triggers")
        .flatMap(items -> YamlNode.readAll(items, this::trigger)).or(() -> runbook.has("triggers") ? Optional.empty() : Optional.of(List.of()));
    Optional<List<RunbookStep>> steps = runbook.requiredItems("steps").flatMap(items -> YamlNode.readAll(items, this::step));
    steps.ifPresent(list -> duplicateSteps(list, root));
    if (id.isEmpty() || title.isEmpty() || tier.isEmpty() || target.isEmpty() || objectives.isEmpty()
        || parameters.isEmpty() || triggers.isEmpty() || steps.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Runbook(id.get(), title.get(), tier.get(), runbook.optionalText("description").orElse(null),
        target.get(), objectives.get(), parameters.get(), triggers.get(), steps.get(), source.name(), version(source)));
  }

  private Optional<Objectives> objectives(YamlNode node) {
    return node.fields("objectives", "rto", "rpo").flatMap(fields -> {
      Optional<Duration> rto = fields.optional("rto").map(value -> duration(value, "rto")).orElse(Optional.of(Objectives.DR_PLAN.rto()));
      Optional<Duration> rpo = fields.optional("rpo").map(value -> duration(value, "rpo")).orElse(Optional.of(Objectives.DR_PLAN.rpo()));
      return rto.isPresent() && rpo.isPresent() ? Optional.of(new Objectives(rto.get(), rpo.get())) : Optional.empty();
    });
  }

  private Optional<RunbookTrigger> trigger(YamlNode node) {
    return node.fields("trigger", "event", "match", "schedule", "zone", "parameters").flatMap(fields -> {
      Optional<String> event = fields.optionalText("event");
      Optional<String> schedule = fields.optional("schedule").flatMap(value -> value.parsed("schedule", text -> {
        CronExpression.parse(text);
        return text;
      }, "a six-field cron expression (second minute hour day month weekday), e.g. '0 0 3 * * MON'"));
      if (event.isPresent() == (fields.has("schedule"))) {
        node.report("a trigger has either an event or a schedule");
        return Optional.empty();
      }
      Optional<String> zone = fields.optional("zone").flatMap(value -> value.parsed("zone", text -> ZoneId.of(text).getId(),
          "a time zone such as UTC or Europe/Berlin"));
      if (fields.has("zone") && zone.isEmpty() || fields.has("schedule") && schedule.isEmpty()) {
        return Optional.empty();
      }
      if (event.isEmpty() && fields.has("match")) {
        node.report("match only applies to event triggers");
        return Optional.empty();
      }
      Optional<Map<String, String>> match = fields.optional("match").map(value -> strings(value, "match")).orElse(Optional.of(Map.of()));
      Optional<Map<String, String>> parameters = fields.optional("parameters").map(value -> strings(value, "parameters"))
          .orElse(Optional.of(Map.of()));
      if (match.isEmpty() || parameters.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new RunbookTrigger(event.orElse(null), match.get(), schedule.orElse(null), zone.orElse("UTC"),
          parameters.get(), node.line()));
    });
  }

  private Optional<RunbookStep> step(YamlNode node) {
    return node.fields("step", "name", "action", "parameters", "timeout", "retries", "on_failure", "verification",
        "rollback").flatMap(fields -> {
          Optional<String> name = fields.required("name").flatMap(value -> value.parsed("name", RunbookReader::id,
              "lower-case letters, digits and hyphens (at most 63)"));
          Optional<String> action = fields.required("action").flatMap(value -> action(value));
          Optional<Map<String, String>> parameters = fields.optional("parameters").map(value -> strings(value, "parameters"))
              .orElse(Optional.of(Map.of()));
          Optional<Duration> timeout = fields.optional("timeout").map(value -> duration(value, "timeout"))
              .orElse(Optional.of(DEFAULT_TIMEOUT));
          Optional<Retries> retries = fields.optional("retries").map(this::retries).orElse(Optional.of(Retries.NONE));
          Optional<OnFailure> onFailure = fields.optional("on_failure").map(value -> value.parsed("on_failure",
              text -> OnFailure.valueOf(text.toUpperCase(Locale.ROOT)), "abort, continue or rollback"))
              .orElse(Optional.of(OnFailure.ABORT));
          Optional<Optional<Invocation>> verification = fields.optional("verification")
              .map(value -> invocation(value, "verification").map(Optional::of)).orElse(Optional.of(Optional.empty()));
          Optional<Optional<Invocation>> rollback = fields.optional("rollback")
              .map(value -> invocation(value, "rollback").map(Optional::of)).orElse(Optional.of(Optional.empty()));
          if (name.isEmpty() || action.isEmpty() || parameters.isEmpty() || timeout.isEmpty() || retries.isEmpty()
              || onFailure.isEmpty() || verification.isEmpty() || rollback.isEmpty()) {
            return Optional.empty();
          }
          if (!requiredParameters(action.get(), parameters.get(), node)) {
            return Optional.empty();
          }
          return Optional.of(new RunbookStep(name.get(), action.get(), parameters.get(), timeout.get(), retries.get(),
              onFailure.get(), verification.get().orElse(null), rollback.get().orElse(null), node.line()));
        });
  }

  private Optional<Invocation> invocation(YamlNode node, String what) {
    return node.fields(what, "action", "parameters", "timeout").flatMap(fields -> {
      Optional<String> action = fields.required("action").flatMap(this::action);
      Optional<Map<String, String>> parameters = fields.optional("parameters").map(value -> strings(value, "parameters"))
          .orElse(Optional.of(Map.of()));
      Optional<Duration> timeout = fields.optional("timeout").map(value -> duration(value, "timeout"))
          .orElse(Optional.of(DEFAULT_TIMEOUT));
      if (action.isEmpty() || parameters.isEmpty() || timeout.isEmpty()) {
        return Optional.empty();
      }
      if (action.get().equals(RunbookStep.APPROVAL)) {
        node.report(what + " cannot be an approval gate");
        return Optional.empty();
      }
      return requiredParameters(action.get(), parameters.get(), node)
          ? Optional.of(new Invocation(action.get(), parameters.get(), timeout.get())) : Optional.empty();
    });
  }

  private Optional<Retries> retries(YamlNode node) {
    return node.fields("retries", "attempts", "backoff", "max_backoff").flatMap(fields -> {
      Optional<Integer> attempts = fields.required("attempts").flatMap(value -> value.integer("attempts", 1, 100));
      Optional<Duration> backoff = fields.optional("backoff").map(value -> duration(value, "backoff"))
          .orElse(Optional.of(Duration.ofSeconds(5)));
      Optional<Duration> maxBackoff = fields.optional("max_backoff").map(value -> duration(value, "max_backoff"))
          .orElse(backoff.map(value -> value.multipliedBy(8)));
      if (attempts.isEmpty() || backoff.isEmpty() || maxBackoff.isEmpty()) {
        return Optional.empty();
      }
      if (maxBackoff.get().compareTo(backoff.get()) < 0) {
        node.report("max_backoff must not be shorter than backoff");
        return Optional.empty();
      }
      return Optional.of(new Retries(attempts.get(), backoff.get(), maxBackoff.get()));
    });
  }

  private Optional<String> action(YamlNode node) {
    return node.text("action").flatMap(name -> {
      if (name.equals(RunbookStep.APPROVAL) || requiredParametersByAction.containsKey(name)) {
        return Optional.of(name);
      }
      node.report("unknown action '" + name + "'; known: " + String.join(", ", known()));
      return Optional.empty();
    });
  }

  private boolean requiredParameters(String action, Map<String, String> parameters, YamlNode node) {
    List<String> missing = requiredParametersByAction.getOrDefault(action, Set.of()).stream()
        .filter(required -> !parameters.containsKey(required)).sorted().toList();
    if (!missing.isEmpty()) {
      node.report("action " + action + " requires parameter" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
      return false;
    }
    return true;
  }

  private static Optional<Duration> duration(YamlNode node, String what) {
    return node.parsed(what, text -> {
      Duration duration = DurationStyle.detectAndParse(text);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("not positive");
      }
      return duration;
    }, "a positive duration such as 30s, 5m, 4h or PT1H");
  }

  /** A mapping of names to plain values (numbers and booleans read as text). */
  private static Optional<Map<String, String>> strings(YamlNode node, String what) {
    return node.entries(what).flatMap(entries -> {
      Map<String, String> values = new LinkedHashMap<>();
      boolean ok = true;
      for (YamlEntry entry : entries) {
        Optional<String> value = entry.value().isNull() ? Optional.of("") : entry.value().text(what + "." + entry.key());
        ok &= value.isPresent();
        value.ifPresent(text -> values.put(entry.key(), text));
      }
      return ok ? Optional.of(values) : Optional.empty();
    });
  }

  private void duplicateSteps(List<RunbookStep> steps, YamlNode root) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (RunbookStep step : steps) {
      Integer first = seen.putIfAbsent(step.name(), step.line());
      if (first != null) {
        root.report("duplicate step name '" + step.name() + "' at line " + step.line() + " (first at line " + first + ")");
      }
    }
  }

  private List<String> known() {
    List<String> names = new ArrayList<>(requiredParametersByAction.keySet());
    names.add(RunbookStep.APPROVAL);
    return names.stream().sorted().toList();
  }

  private static String id(String text) {
    if (!ID.matcher(text).matches()) {
      throw new IllegalArgumentException(text);
    }
    return text;
  }

  private static String version(YamlSource source) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.content().getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
