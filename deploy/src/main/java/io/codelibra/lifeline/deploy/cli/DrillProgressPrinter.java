package io.codelibra.lifeline.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints a drill as it runs: each timeline entry and checklist item once, as it first appears in a polled view, then
 * the report and the verdict. Falls back to ASCII marks when the terminal's charset has no ✓.
 */
final class DrillProgressPrinter {

  private static final List<Timing> REPORT_TIMINGS = List.of(
      new Timing("detectionMs", "detection"),
      new Timing("decisionMs", "decision"),
      new Timing("routingFlipMs", "routing flip"),
      new Timing("databasePromotionMs", "database promotion"),
      new Timing("verificationMs", "verification"),
      new Timing("totalMs", "total"));

  private final PrintStream out;
  private final boolean unicode;
  private final Set<String> printed = new HashSet<>();

  DrillProgressPrinter(PrintStream out) {
    this.out = out;
    this.unicode = out.charset().newEncoder().canEncode("✓✗–—");
  }

  void printStarted(JsonNode drill, boolean rollback) {
    out.printf("drill %s started: %s on %s, %s%s%n", text(drill, "drillId"), text(drill, "mode"), text(drill, "regionPair"),
        rollback ? "then rollback" : "no rollback",
        drill.path("reason").isTextual() ? " (" + drill.path("reason").asText() + ")" : "");
  }

  /** Prints what this view holds that no earlier view did, oldest first. */
  void printNew(JsonNode drill) {
    // Times are relative to the request: the drill's own start (fault injected) is only known from its report.
    Instant startedAt = instant(drill.path("requestedAt"));
    List<Sighting> sightings = new ArrayList<>();
    for (JsonNode entry : drill.path("timeline")) {
      if (printed.add("timeline|" + entry.path("at").asText() + "|" + entry.path("what").asText())) {
        Instant at = instant(entry.path("at"));
        sightings.add(new Sighting(at, elapsed(startedAt, at, entry.path("at").asText()) + "  " + entry.path("what").asText()));
      }
    }
    for (JsonNode item : drill.path("checklist")) {
      String line = checklistLine(item);
      if (printed.add("checklist|" + line)) {
        sightings.add(new Sighting(instant(item.path("recordedAt")), line));
      }
    }
    sightings.stream()
        .sorted(Comparator.comparing(Sighting::at, Comparator.nullsLast(Comparator.naturalOrder())))
        .forEach(sighting -> out.println(sighting.line()));
  }

  void printReport(JsonNode drill) {
    JsonNode report = drill.path("report");
    if (!report.isObject()) {
      out.println("report: none (the drill ended without a failover report)");
      return;
    }
    out.println("report");
    if (report.path("failoverId").isTextual()) {
      reportLine("failover", report.path("failoverId").asText());
    }
    for (Timing timing : REPORT_TIMINGS) {
      JsonNode millis = report.path(timing.field());
      reportLine(timing.label(), millis.isNumber() ? millis.asLong() + " ms" : "-");
    }
    reportLine("active region", text(report, "activeRegion"));
    if (report.path("error").isTextual()) {
      reportLine("error", report.path("error").asText());
    }
  }

  void printVerdict(JsonNode drill) {
    String status = text(drill, "status");
    long failedItems = 0;
    for (JsonNode item : drill.path("checklist")) {
      if ("failed".equals(item.path("outcome").asText())) {
        failedItems++;
      }
    }
    String failures = failedItems == 0 ? "" : " (" + failedItems + " checklist item" + (failedItems == 1 ? "" : "s") + " failed)";
    out.printf("verdict: drill %s %s%s%n", text(drill, "drillId"), status.replace('_', ' '), failures);
  }

  void printGaveUp(JsonNode drill, Duration waited) {
    out.printf("verdict: drill %s still %s after %d s; stopped following it (it goes on in failover-service)%n",
        text(drill, "drillId"), text(drill, "status"), waited.toSeconds());
  }

  private String checklistLine(JsonNode item) {
    String mark = switch (item.path("outcome").asText()) {
      case "succeeded" -> unicode ? "✓" : "+";
      case "failed" -> unicode ? "✗" : "x";
      case "skipped" -> unicode ? "–" : "-";
      default -> "?";
    };
    String line = "[" + item.path("phase").asText() + "] " + mark + " " + item.path("item").asText();
    String detail = item.path("detail").isTextual() ? item.path("detail").asText() : "";
    return detail.isBlank() ? line : line + (unicode ? " — " : " - ") + detail;
  }

  private static String elapsed(Instant startedAt, Instant at, String raw) {
    if (startedAt == null || at == null) {
      return raw;
    }
    return String.format(Locale.ROOT, "%+.1fs", Duration.between(startedAt, at).toMillis() / 1000.0);
  }

  private static Instant instant(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException notAnInstant) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "-" : value.asText();
  }

  private void reportLine(String label, String value) {
    out.printf("  %-20s%s%n", label, value);
  }

  /** One of the report's durations: its field in the drill view and how it is labelled. */
  private record Timing(String field, String label) {
  }

  /** Something first seen in a poll, with when it happened (null when the service gave no time). */
  private record Sighting(Instant at, String line) {
  }
}
