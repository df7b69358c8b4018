package io.codelibra.lifeline.failover.database;

import io.codelibra.lifeline.failover.routing.StepRecorder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * The embedded stack's stand-in for database promotion, until the demo regions have real databases: the demo data
 * file is copied from the primary region's directory to the secondary's (a real copy, atomically moved into place) and
 * the copy is verified by size and SHA-256. "Ready" means the primary's data file can be read.
 */
public final class LocalDatabaseFailover implements DatabaseFailover {

  private final LocalDatabaseSettings settings;
  private final Clock clock;

  public LocalDatabaseFailover(LocalDatabaseSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public DatabaseReadiness check() {
    StepRecorder steps = new StepRecorder(clock);
    Path source = source();
    boolean readable = steps.run("local-check-data", () -> Files.isRegularFile(source) && Files.isReadable(source),
        ok -> ok ? source + " readable" : source + " missing or unreadable");
    return new DatabaseReadiness(readable, readable ? List.of() : List.of(source + " missing or unreadable"),
        steps.steps());
  }

  @Override
  public PromotionResult promote() {
    StepRecorder steps = new StepRecorder(clock);
    Path source = source();
    Path target = settings.secondaryDirectory().resolve(settings.dataFileName());
    Fingerprint expected = steps.run("local-copy-data", () -> copy(source, target),
        f -> "copied " + f.size() + " bytes to " + target);
    Fingerprint actual = steps.run("local-verify-copy", () -> fingerprint(target),
        f -> "size " + f.size() + ", sha-256 " + f.sha256());
    if (!expected.equals(actual)) {
      throw steps.fail("copy " + target + " differs from " + source + ": " + actual + " vs " + expected);
    }
    return new PromotionResult(target.toString(), true, "size " + actual.size() + ", sha-256 " + actual.sha256(),
        steps.steps());
  }

  private Path source() {
    return settings.primaryDirectory().resolve(settings.dataFileName());
  }

  private static Fingerprint copy(Path source, Path target) {
    try {
      Fingerprint original = fingerprint(source);
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
      Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return original;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
  }

  static Fingerprint fingerprint(Path file) {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      long size = in.transferTo(OutputStream.nullOutputStream());
      return new Fingerprint(size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Size and SHA-256 of a data file. */
  record Fingerprint(long size, String sha256) {
  }
}
