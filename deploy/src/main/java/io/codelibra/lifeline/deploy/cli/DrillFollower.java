package io.codelibra.lifeline.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Polls a drill until it is no longer {@code running} or the wait runs out, printing its progress as it comes; the
 * exit code is {@link ExitCode#OK} only for a drill that succeeded. A poll that finds the service briefly silent (or
 * answering 5xx) is retried: the drill goes on in failover-service regardless.
 */
final class DrillFollower {

  private final FailoverApiClient api;
  private final DrillProgressPrinter printer;
  private final PrintStream out;
  private final InstantSource clock;
  private final Pause pause;
  private final Duration interval;

  DrillFollower(FailoverApiClient api, DrillProgressPrinter printer, PrintStream out, InstantSource clock, Pause pause,
      Duration interval) {
    this.api = api;
    this.printer = printer;
    this.out = out;
    this.clock = clock;
    this.pause = pause;
    this.interval = interval;
  }

  int follow(JsonNode started, Duration timeout) {
    String drillId = started.path("drillId").asText();
    Instant deadline = clock.instant().plus(timeout);
    JsonNode drill = started;
    String silence = null;
    while (isRunning(drill)) {
      printer.printNew(drill);
      if (!clock.instant().isBefore(deadline)) {
        printer.printGaveUp(drill, timeout);
        return silence == null ? ExitCode.REFUSED : ExitCode.UNREACHABLE;
      }
      try {
        pause.pause(interval);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        out.println("interrupted; drill " + drillId + " goes on in failover-service");
        return ExitCode.REFUSED;
      }
      String failure;
      try {
        ApiAnswer answer = api.drill(drillId);
        if (answer.successful()) {
          drill = answer.body();
          silence = null;
          continue;
        }
        if (answer.status() < 500) {
          out.println("cannot follow drill " + drillId + " (HTTP " + answer.status() + "): " + answer.problem());
          return ExitCode.REFUSED;
        }
        failure = "failover-service answers HTTP " + answer.status() + ": " + answer.problem();
      } catch (FailoverServiceUnreachableException unreachable) {
        failure = unreachable.getMessage();
      }
      if (silence == null) {
        out.println(failure + "; still polling");
      }
      silence = failure;
    }
    printer.printNew(drill);
    printer.printReport(drill);
    printer.printVerdict(drill);
    return "succeeded".equals(drill.path("status").asText()) ? ExitCode.OK : ExitCode.REFUSED;
  }

  private static boolean isRunning(JsonNode drill) {
    return "running".equals(drill.path("status").asText());
  }
}
