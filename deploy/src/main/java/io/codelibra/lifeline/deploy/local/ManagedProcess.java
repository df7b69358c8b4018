package io.codelibra.lifeline.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the local stack: started with its output in a log file and a pid file that
 * records its start time (so {@code down} never signals a recycled pid), stopped gracefully then forcibly.
 */
public final class ManagedProcess {

  private static final Duration GRACE = Duration.ofSeconds(20);

  private final String name;
  private final ProcessHandle handle;

  private ManagedProcess(String name, ProcessHandle handle) {
    this.name = name;
    this.handle = handle;
  }

  public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
      StackLayout layout) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(layout.projectRoot().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(name).toFile()));
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      ProcessHandle handle = process.toHandle();
      Files.writeString(layout.pidFile(name), handle.pid() + " " + startOf(handle).toEpochMilli() + "\n");
      return new ManagedProcess(name, handle);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  /** The process a pid file names, if it still runs and is the same process that wrote the file. */
  public static Optional<ManagedProcess> fromPidFile(String name, StackLayout layout) {
    Path file = layout.pidFile(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String[] fields = Files.readString(file).trim().split("\\s+");
      long pid = Long.parseLong(fields[0]);
      long startedAt = Long.parseLong(fields[1]);
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(handle -> startOf(handle).toEpochMilli() == startedAt)
          .map(handle -> new ManagedProcess(name, handle));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return handle.pid();
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  /** SIGTERM to the process and its descendants, then SIGKILL to whatever is left after the grace period. */
  public void stop(StackLayout layout) {
    List<ProcessHandle> tree = java.util.stream.Stream.concat(handle.descendants(), java.util.stream.Stream.of(handle))
        .toList();
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle process : tree) {
      try {
        process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception notYet) {
        process.destroyForcibly();
      }
    }
    try {
      Files.deleteIfExists(layout.pidFile(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Instant startOf(ProcessHandle handle) {
    return handle.info().startInstant().orElse(Instant.EPOCH);
  }
}
