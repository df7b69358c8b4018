package io.codelibra.lifeline.schemas.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The released versions of each event schema, kept as {@code <root>/<record full name>/v<N>.avsc},
 * each self-contained (named types inlined) as the registry stores it.
 */
public final class SchemaHistory {

  private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

  private final Path root;

  public SchemaHistory(Path root) {
    this.root = root;
  }

  /** One released version of a schema. */
  public record Version(int number, Path file, Schema schema) {
  }

  /** The record full names that have a history folder. */
  public List<String> recordNames() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(root)) {
      return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The released versions of one schema, oldest first. */
  public List<Version> versionsOf(String recordFullName) {
    Path folder = root.resolve(recordFullName);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(file -> Map.entry(file, VERSION_FILE.matcher(file.getFileName().toString())))
          .filter(entry -> entry.getValue().matches())
          .map(entry -> new Version(Integer.parseInt(entry.getValue().group(1)), entry.getKey(), parse(entry.getKey())))
          .sorted(Comparator.comparingInt(Version::number))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the schema as the next version when it differs from the latest kept one; returns the file written. */
  public Optional<Path> recordIfChanged(Schema schema) {
    List<Version> versions = versionsOf(schema.getFullName());
    if (!versions.isEmpty() && versions.getLast().schema().equals(schema)) {
      return Optional.empty();
    }
    int next = versions.isEmpty() ? 1 : versions.getLast().number() + 1;
    Path file = root.resolve(schema.getFullName()).resolve("v" + next + ".avsc");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, schema.toString(true) + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(file);
  }

  private static Schema parse(Path file) {
    try {
      return new Schema.Parser().parse(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("invalid schema in " + file + ": " + e.getMessage(), e);
    }
  }
}
