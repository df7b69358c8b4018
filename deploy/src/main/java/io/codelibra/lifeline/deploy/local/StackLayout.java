package io.codelibra.lifeline.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Where the local stack keeps everything: one data directory (default {@code .lifeline/}) holding
 * the broker's log, service logs, pid files and the generated API key.
 */
public record StackLayout(Path projectRoot, Path dataDir) {

  public Path kafkaData() {
    return dataDir.resolve("kafka");
  }

  public Path logs() {
    return dataDir.resolve("logs");
  }

  public Path log(String process) {
    return logs().resolve(process + ".log");
  }

  public Path pidFile(String process) {
    return dataDir.resolve("run").resolve(process + ".pid");
  }

  public Path apiKeyFile() {
    return dataDir.resolve("secrets").resolve("api-key");
  }

  public Path kafkaLibs() {
    return projectRoot.resolve("deploy/target/kafka-lib");
  }

  public Path launcherLibs() {
    return projectRoot.resolve("deploy/target/launcher-lib");
  }

  public Path serviceJar(String module) {
    return projectRoot.resolve(module).resolve("target").resolve(module + "-exec.jar");
  }

  /** The local stack's write key, generated on first use and kept readable by the owner only. */
  public String apiKey() {
    return secret(apiKeyFile());
  }

  /** The key of the status page's subscription links (confirm, unsubscribe), kept so links survive restarts. */
  public String linkSecret() {
    return secret(dataDir.resolve("secrets").resolve("link-secret"));
  }

  /** Where the mail catcher puts every e-mail the services send. */
  public Path mail() {
    return dataDir.resolve("mail");
  }

  private static String secret(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Files.writeString(file, HexFormat.of().formatHex(random) + System.lineSeparator());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the local secret " + file, e);
    }
  }

  public void createDirectories() {
    try {
      Files.createDirectories(kafkaData());
      Files.createDirectories(logs());
      Files.createDirectories(pidFile("x").getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dataDir, e);
    }
  }
}
