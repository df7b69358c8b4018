package io.codelibra.lifeline.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Prints {@code GET /api/v1/region-pair} for a person: phase, active region, epoch, each region's health, in flight. */
final class RegionPairPrinter {

  private final PrintStream out;

  RegionPairPrinter(PrintStream out) {
    this.out = out;
  }

  void print(JsonNode pair) {
    line("region pair", text(pair, "regionPair"));
    line("phase", text(pair, "phase"));
    line("active region", text(pair, "activeRegion"));
    line("epoch", text(pair, "epoch") + "  (a request is sent with epoch + 1)");
    line("primary", region(pair, "primary"));
    line("secondary", region(pair, "secondary"));
    if (pair.path("restoredAt").isTextual()) {
      line("restored at", text(pair, "restoredAt"));
    }
    line("failback", pair.path("failbackApproved").asBoolean() ? "approved" : "not approved");
    line("in flight", inFlight(pair.path("inFlight")));
  }

  private static String region(JsonNode pair, String role) {
    String health = text(pair, role + "Health");
    StringBuilder region = new StringBuilder(text(pair, role + "Region")).append("  ").append(health);
    if ("primary".equals(role)) {
      // Only the primary's transitions are tracked: they are what automatic failover and failback wait on.
      if (pair.path("primaryUnhealthySince").isTextual()) {
        region.append("  (unhealthy since ").append(text(pair, "primaryUnhealthySince")).append(')');
      } else if (pair.path("primaryHealthySince").isTextual()) {
        region.append("  (healthy since ").append(text(pair, "primaryHealthySince")).append(')');
      }
    }
    return region.toString();
  }

  private static String inFlight(JsonNode inFlight) {
    if (inFlight.isMissingNode() || inFlight.isNull()) {
      return "none";
    }
    return text(inFlight, "direction") + " " + text(inFlight, "failoverId") + "  (epoch " + text(inFlight, "epoch")
        + ", " + text(inFlight, "trigger") + ", asked " + text(inFlight, "requestedAt") + ")";
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "-" : value.asText();
  }

  private void line(String label, String value) {
    out.printf("%-15s%s%n", label, value);
  }
}
