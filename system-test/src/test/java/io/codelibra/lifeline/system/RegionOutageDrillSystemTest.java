package io.codelibra.lifeline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The region-outage drill ({@code ./lifeline drill region-outage}) on the whole local stack, started as the README's
 * first command starts it: a real KRaft broker, the schema registry, the five services and the demo regions, each a
 * process of its own from the packaged jars. The drill must pass: every step of the core flow observed, in order.
 * Skipped only when the local stack's ports are taken (a stack is already running on this machine).
 */
class RegionOutageDrillSystemTest {

  private static final List<Integer> STACK_PORTS = List.of(9092, 9093, 8081, 8080, 8082, 8083, 8084, 8085, 8090, 8091, 8092, 3025);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
  private static final Duration DRILL_TIMEOUT = Duration.ofMinutes(8);

  @TempDir
  Path data;

  @Test
  void theRegionOutageDrillPassesOnTheWholeStack() throws Exception {
    assumeTrue(STACK_PORTS.stream().allMatch(RegionOutageDrillSystemTest::free),
        "the local stack's ports are in use: a stack runs on this machine already");
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path upLog = data.resolve("up.log");
    Process up = launcher(root, "up").redirectErrorStream(true).redirectOutput(upLog.toFile()).start();
    try {
      awaitUp(up, upLog);
      Path drillLog = data.resolve("drill.log");
      Process drill = launcher(root, "drill", "region-outage").redirectErrorStream(true).redirectOutput(drillLog.toFile()).start();
      if (!drill.waitFor(DRILL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        drill.destroyForcibly();
        fail("the drill did not finish within " + DRILL_TIMEOUT + ":\n" + Files.readString(drillLog));
      }
      String output = Files.readString(drillLog);
      System.out.println(output);
      assertThat(drill.exitValue()).as(output).isZero();
      assertThat(output).contains("verdict: PASSED", "escalated", "recovery-completed", "failback-completed", "postmortem-draft");
      try (Stream<Path> reports = Files.list(data.resolve("drills"))) {
        assertThat(reports.map(path -> path.getFileName().toString()))
            .anyMatch(name -> name.startsWith("region-outage-") && name.endsWith(".md"))
            .anyMatch(name -> name.startsWith("region-outage-") && name.endsWith(".json"))
            .anyMatch(name -> name.startsWith("postmortem-"));
      }
    } finally {
      up.destroy();
      if (!up.waitFor(90, TimeUnit.SECONDS)) {
        up.destroyForcibly();
        launcher(root, "down").inheritIO().start().waitFor(60, TimeUnit.SECONDS);
      }
    }
  }

  private ProcessBuilder launcher(Path root, String... arguments) {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath = root.resolve("deploy/target/deploy.jar") + ":" + root.resolve("deploy/target/launcher-lib") + "/*";
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dlifeline.root=" + root,
        "-Dlifeline.data=" + data, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath,
        "io.codelibra.lifeline.deploy.local.LifelineLauncher"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().put("LIFELINE_DATA_DIR", data.toString());
    builder.environment().put("LIFELINE_OPERATOR", "system-test@lifeline.local");
    return builder;
  }

  private static void awaitUp(Process up, Path log) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      String text = Files.exists(log) ? Files.readString(log) : "";
      if (text.contains("Lifeline is up")) {
        return;
      }
      if (!up.isAlive()) {
        fail("./lifeline up exited with " + up.exitValue() + ":\n" + text);
      }
      Thread.sleep(1000);
    }
    fail("the stack was not up within " + START_TIMEOUT + ":\n" + Files.readString(log));
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
