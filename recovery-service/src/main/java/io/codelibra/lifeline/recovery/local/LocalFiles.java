package io.codelibra.lifeline.recovery.local;

import io.codelibra.lifeline.recovery.action.ActionFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.regex.Pattern;

/** Reads and atomically writes the local adapters' properties files, and checks names used in paths. */
final class LocalFiles {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

  private LocalFiles() {
  }

  /** A name safe to use as a file name (no separators, no {@code ..}). */
  static String name(String value) {
    if (!NAME.matcher(value).matches() || value.contains("..")) {
      throw new ActionFailedException("'" + value + "' is not a valid name", false);
    }
    return value;
  }

  static Properties read(Path file) {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (var in = Files.newBufferedReader(file)) {
        properties.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return properties;
  }

  static void write(Path file, Properties properties) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), ".props-", ".tmp");
      try (var out = Files.newBufferedWriter(temporary)) {
        properties.store(out, null);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
