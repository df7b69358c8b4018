package io.codelibra.lifeline.failover.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The embedded stack's router: the active region is held in memory and persisted to a one-line file (written to a
 * temporary file and atomically moved into place), so a restart keeps the routing and the local {@code www} entry point
 * can read the file to decide where to send requests.
 */
public final class LocalTrafficRouter implements TrafficRouter {

  private final Path stateFile;
  private final List<String> regions;
  private final Clock clock;
  private final AtomicReference<String> active;

  /**
   * @param stateFile where the active region is persisted; read at start when it exists
   * @param regions the regions of the pair, primary first; the primary is active when there is no state file yet
   */
  public LocalTrafficRouter(Path stateFile, List<String> regions, Clock clock) {
    this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
    this.regions = List.copyOf(regions);
    if (this.regions.isEmpty()) {
      throw new IllegalArgumentException("at least one region");
    }
    this.clock = clock;
    String persisted = readFile();
    this.active = new AtomicReference<>(persisted != null ? persisted : this.regions.getFirst());
  }

  @Override
  public RoutingState current() {
    return new RoutingState(active.get(), "local routing file " + stateFile);
  }

  @Override
  public synchronized RoutingChange routeTo(String region) {
    if (!regions.contains(region)) {
      throw new IllegalArgumentException("unknown region " + region + "; expected one of " + regions);
    }
    StepRecorder steps = new StepRecorder(clock);
    String from = active.get();
    if (from.equals(region)) {
      steps.skipped("local-route-write", "already routes to " + region);
      return new RoutingChange(from, region, false, current(), steps.steps());
    }
    steps.run("local-route-write", () -> {
      write(region);
      active.set(region);
      return region;
    }, r -> "www now routes to " + r);
    String readBack = steps.run("local-route-verify", this::readFile, r -> "routing file says " + r);
    if (!region.equals(readBack)) {
      throw steps.fail("routing file " + stateFile + " says " + readBack + ", not " + region);
    }
    return new RoutingChange(from, region, true, current(), steps.steps());
  }

  private void write(String region) {
    try {
      Path parent = stateFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, stateFile.getFileName().toString(), ".tmp");
      Files.writeString(temporary, region + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the routing file " + stateFile, e);
    }
  }

  private String readFile() {
    if (!Files.exists(stateFile)) {
      return null;
    }
    try {
      String region = Files.readString(stateFile, StandardCharsets.UTF_8).strip();
      if (!regions.contains(region)) {
        throw new IllegalStateException("routing file " + stateFile + " names unknown region '" + region + "'");
      }
      return region;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the routing file " + stateFile, e);
    }
  }
}
