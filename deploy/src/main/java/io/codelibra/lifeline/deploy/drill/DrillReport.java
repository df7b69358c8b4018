package io.codelibra.lifeline.deploy.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/** The drill's report, as Markdown for people and JSON for tools, under the data directory's {@code drills/}. */
final class DrillReport {

  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private DrillReport() {
  }

  static void write(DrillTimeline timeline, Path directory, PrintStream out) throws IOException {
    Files.createDirectories(directory);
    String name = "region-outage-" + FILE_TIME.format(timeline.start());
    Path markdown = directory.resolve(name + ".md");
    Path json = directory.resolve(name + ".json");
    Files.writeString(markdown, markdown(timeline));
    Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(timeline)));
    out.println("report: " + markdown + " and " + json);
  }

  static String markdown(DrillTimeline timeline) {
    StringBuilder text = new StringBuilder("# Region-outage drill, " + timeline.start() + "\n\n")
        .append("Verdict: **").append(timeline.passed() ? "passed" : "failed").append("**\n\n")
        .append("| + s | step | what | observed |\n|---|---|---|---|\n");
    for (DrillTimeline.Step step : timeline.steps()) {
      text.append("| ").append(step.observed() ? String.format("%.1f", timeline.offsetMs(step) / 1000.0) : "missing")
          .append(" | ").append(step.name()).append(" | ").append(cell(step.description())).append(" | ")
          .append(cell(step.detail())).append(" |\n");
    }
    if (!timeline.passed()) {
      text.append("\nProblems:\n\n");
      timeline.problems().forEach(problem -> text.append("- ").append(problem).append('\n'));
    }
    return text.toString();
  }

  static ObjectNode json(DrillTimeline timeline) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("drill", "region-outage");
    root.put("startedAt", timeline.start().toString());
    root.put("passed", timeline.passed());
    ArrayNode steps = root.putArray("steps");
    for (DrillTimeline.Step step : timeline.steps()) {
      ObjectNode node = steps.addObject();
      node.put("name", step.name());
      node.put("description", step.description());
      node.put("observed", step.observed());
      if (step.observed()) {
        node.put("at", step.at().toString());
        node.put("offsetMs", timeline.offsetMs(step));
      }
      node.put("detail", step.detail());
      step.after().forEach(node.putArray("after")::add);
    }
    timeline.problems().forEach(root.putArray("problems")::add);
    return root;
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace('\n', ' ').replace("|", "\\|");
  }
}
