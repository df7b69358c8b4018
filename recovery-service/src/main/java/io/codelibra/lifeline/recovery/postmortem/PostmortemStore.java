package io.codelibra.lifeline.recovery.postmortem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Stored post-incident review drafts: one {@code <incidentId>.md} per resolved incident, written atomically (temporary
 * file, then an atomic move). The first line is a marker with the SHA-256 of the rest; a file whose content no longer
 * matches it has been edited by people and is never overwritten (a replay of the topics rewrites only untouched drafts).
 */
public final class PostmortemStore {

  /** What a write did. */
  public enum Outcome { WRITTEN, UNCHANGED, KEPT_EDITED }

  private static final String MARKER_PREFIX = "<!-- lifeline post-incident review draft; sha256=";
  private static final String MARKER_SUFFIX = " -->";

  private final Path directory;

  public PostmortemStore(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  /** The stored draft (without its marker line); empty when none is stored or the id cannot name a file. */
  public Optional<String> read(String incidentId) {
    if (!IncidentIds.safe(incidentId)) {
      return Optional.empty();
    }
    try {
      return Optional.of(body(Files.readString(file(incidentId), StandardCharsets.UTF_8)));
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the post-incident review of " + incidentId, e);
    }
  }

  public Outcome write(String incidentId, String markdown) {
    if (!IncidentIds.safe(incidentId)) {
      throw new IllegalArgumentException("incident id cannot name a file: " + incidentId);
    }
    Path target = file(incidentId);
    try {
      Files.createDirectories(directory);
      if (Files.exists(target)) {
        String existing = Files.readString(target, StandardCharsets.UTF_8);
        if (edited(existing)) {
          return Outcome.KEPT_EDITED;
        }
        if (body(existing).equals(markdown)) {
          return Outcome.UNCHANGED;
        }
      }
      Path temporary = Files.createTempFile(directory, "." + incidentId + ".", ".tmp");
      try {
        Files.writeString(temporary, MARKER_PREFIX + sha256(markdown) + MARKER_SUFFIX + "\n" + markdown,
            StandardCharsets.UTF_8);
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
      return Outcome.WRITTEN;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the post-incident review of " + incidentId, e);
    }
  }

  private Path file(String incidentId) {
    return directory.resolve(incidentId + ".md");
  }

  private static boolean edited(String content) {
    if (!content.startsWith(MARKER_PREFIX)) {
      return true;
    }
    int end = content.indexOf(MARKER_SUFFIX + "\n");
    if (end < 0) {
      return true;
    }
    String recorded = content.substring(MARKER_PREFIX.length(), end);
    return !recorded.equals(sha256(body(content)));
  }

  private static String body(String content) {
    if (content.startsWith(MARKER_PREFIX)) {
      int newline = content.indexOf('\n');
      return newline < 0 ? "" : content.substring(newline + 1);
    }
    return content;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
