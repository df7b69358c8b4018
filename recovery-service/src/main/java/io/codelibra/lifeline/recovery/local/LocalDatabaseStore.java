package io.codelibra.lifeline.recovery.local;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The local stack's file-based databases, RDS-shaped: an instance is a directory holding its data file (JSON lines,
 * one row per line, e.g. the demo regions' {@code orders.jsonl}) and {@code instance.properties}; a snapshot is a real
 * copy of that file with {@code snapshot.properties} (instance, creation time, type). Instances live under
 * {@code <root>/rds/<region>/instances/<id>} unless mapped elsewhere (the demo regions' own directories). Every write
 * goes through a temporary file and an atomic move, so a crash never leaves half a snapshot or half a restore.
 */
public final class LocalDatabaseStore {

  private static final String INSTANCE_FILE = "instance.properties";
  private static final String SNAPSHOT_FILE = "snapshot.properties";

  private final Path root;
  private final Map<String, Path> mappedInstances;
  private final String dataFile;
  private final Clock clock;

  /** @param mappedInstances {@code <region>/<instance>} to the directory holding that instance's data file */
  public LocalDatabaseStore(Path root, Map<String, Path> mappedInstances, String dataFile, Clock clock) {
    this.root = root;
    this.mappedInstances = Map.copyOf(mappedInstances);
    this.dataFile = dataFile;
    this.clock = clock;
  }

  /** A snapshot as stored. */
  public record Snapshot(String id, String region, String instance, Instant createdAt, String type, Path data) {

    public String arn() {
      return "arn:lifeline:rds:" + region + ":local:snapshot:" + id;
    }
  }

  /** An instance as stored: its data file and properties. */
  public record Instance(String id, String region, Path directory, Properties properties) {

    public String endpoint() {
      return id + "." + region + ".rds.local";
    }
  }

  public Optional<Instance> instance(String region, String id) {
    Path directory = instanceDirectory(region, id);
    if (!Files.exists(directory.resolve(INSTANCE_FILE)) && !Files.exists(directory.resolve(dataFile))) {
      return Optional.empty();
    }
    return Optional.of(new Instance(id, region, directory, read(directory.resolve(INSTANCE_FILE))));
  }

  public Instance requireInstance(String region, String id) {
    return instance(region, id).orElseThrow(() -> new ActionFailedException("DBInstanceNotFound: no local instance " + id
        + " in " + region + " (" + instanceDirectory(region, id) + ")", false));
  }

  public Optional<Snapshot> snapshot(String region, String id) {
    Path directory = snapshotDirectory(region, id);
    if (!Files.exists(directory.resolve(SNAPSHOT_FILE))) {
      return Optional.empty();
    }
    Properties properties = read(directory.resolve(SNAPSHOT_FILE));
    return Optional.of(new Snapshot(id, region, properties.getProperty("instance"), Instant.parse(properties.getProperty("created-at")),
        properties.getProperty("type", "manual"), directory.resolve(dataFile)));
  }

  /** A copy of the instance's data as it is now. */
  public Snapshot createSnapshot(String region, String instance, String snapshotId, String type) {
    Instance source = requireInstance(region, instance);
    // Milliseconds, as events and RDS report snapshot times.
    return write(region, snapshotId, instance, clock.instant().truncatedTo(ChronoUnit.MILLIS), type,
        source.directory().resolve(dataFile));
  }

  /** A copy of another region's snapshot, keeping its point in time. */
  public Snapshot copySnapshot(Snapshot source, String region, String snapshotId) {
    return write(region, snapshotId, source.instance(), source.createdAt(), "manual", source.data());
  }

  /** The region's newest snapshot of {@code instance} ({@code type}: manual, automated or any). */
  public Optional<Snapshot> latestSnapshot(String region, String instance, String type) {
    Path directory = root.resolve("rds").resolve(region).resolve("snapshots");
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    try (Stream<Path> snapshots = Files.list(directory)) {
      return snapshots.map(path -> snapshot(region, path.getFileName().toString())).flatMap(Optional::stream)
          .filter(snapshot -> snapshot.instance().equals(instance))
          .filter(snapshot -> type.equals("any") || snapshot.type().equals(type))
          .max(Comparator.comparing(Snapshot::createdAt));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new instance whose data is the snapshot's. */
  public Instance restore(Snapshot snapshot, String region, String instance) {
    Path directory = instanceDirectory(region, instance);
    copyAtomically(snapshot.data(), directory.resolve(dataFile));
    Properties properties = new Properties();
    properties.setProperty("status", "available");
    properties.setProperty("restored-from", snapshot.id());
    properties.setProperty("snapshot-time", snapshot.createdAt().toString());
    properties.setProperty("availability-zone", region + "a");
    properties.setProperty("created-at", clock.instant().toString());
    writeAtomically(directory.resolve(INSTANCE_FILE), properties);
    return new Instance(instance, region, directory, properties);
  }

  /** Fails the instance over to its other availability zone (a Multi-AZ forced failover); the new zone. */
  public String failOverZone(Instance instance) {
    String current = instance.properties().getProperty("availability-zone", instance.region() + "a");
    String next = current.endsWith("a") ? instance.region() + "b" : instance.region() + "a";
    Properties properties = new Properties();
    properties.putAll(instance.properties());
    properties.setProperty("availability-zone", next);
    properties.setProperty("status", "available");
    writeAtomically(instance.directory().resolve(INSTANCE_FILE), properties);
    return next;
  }

  public void delete(Instance instance) {
    try (Stream<Path> files = Files.walk(instance.directory())) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows (non-blank lines) of the instance's data: what verification queries. */
  public long rowCount(Instance instance) {
    return rows(instance.directory().resolve(dataFile));
  }

  public long rowCount(Snapshot snapshot) {
    return rows(snapshot.data());
  }

  private Snapshot write(String region, String snapshotId, String instance, Instant createdAt, String type, Path data) {
    Path directory = snapshotDirectory(region, snapshotId);
    copyAtomically(data, directory.resolve(dataFile));
    Properties properties = new Properties();
    properties.setProperty("instance", instance);
    properties.setProperty("created-at", createdAt.toString());
    properties.setProperty("type", type);
    // The properties file last: a snapshot without it does not exist yet.
    writeAtomically(directory.resolve(SNAPSHOT_FILE), properties);
    return snapshot(region, snapshotId).orElseThrow();
  }

  private Path instanceDirectory(String region, String id) {
    return mappedInstances.getOrDefault(region + "/" + id,
        root.resolve("rds").resolve(LocalFiles.name(region)).resolve("instances").resolve(LocalFiles.name(id)));
  }

  private Path snapshotDirectory(String region, String id) {
    return root.resolve("rds").resolve(LocalFiles.name(region)).resolve("snapshots").resolve(LocalFiles.name(id));
  }

  private static long rows(Path data) {
    if (!Files.exists(data)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(data)) {
      return lines.filter(line -> !line.isBlank()).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyAtomically(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Path temporary = Files.createTempFile(to.getParent(), ".copy-", ".tmp");
      if (Files.exists(from)) {
        Files.copy(from, temporary, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.move(temporary, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }

  private static void writeAtomically(Path file, Properties properties) {
    LocalFiles.write(file, properties);
  }

  private static Properties read(Path file) {
    return LocalFiles.read(file);
  }

  /** For listings and tests: the snapshots of a region, oldest first. */
  public List<Snapshot> snapshots(String region) {
    Path directory = root.resolve("rds").resolve(region).resolve("snapshots");
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> snapshots = Files.list(directory)) {
      return snapshots.map(path -> snapshot(region, path.getFileName().toString())).flatMap(Optional::stream)
          .sorted(Comparator.comparing(Snapshot::createdAt)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
