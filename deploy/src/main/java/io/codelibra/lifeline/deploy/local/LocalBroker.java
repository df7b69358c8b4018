package io.codelibra.lifeline.deploy.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The local stack's real single-node Kafka broker (KRaft, broker and controller in one process),
 * run from Kafka's own jars as {@code kafka.Kafka server.properties}.
 */
public final class LocalBroker {

  public static final String NAME = "kafka";
  public static final int DEFAULT_PORT = 9092;
  private static final String CLUSTER_ID = "TGlmZWxpbmVMb2NhbDAwMQ";

  private final StackLayout layout;
  private final String javaCommand;
  private final int port;
  private final int controllerPort;

  /** The local stack's broker, on 9092 (controller 9093). */
  public LocalBroker(StackLayout layout, String javaCommand) {
    this(layout, javaCommand, DEFAULT_PORT, DEFAULT_PORT + 1);
  }

  /** A broker on other ports, e.g. one a test stops and starts again. */
  public LocalBroker(StackLayout layout, String javaCommand, int port, int controllerPort) {
    this.layout = layout;
    this.javaCommand = javaCommand;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** The local stack's bootstrap servers. */
  public static String bootstrapServers() {
    return "localhost:" + DEFAULT_PORT;
  }

  public String address() {
    return "localhost:" + port;
  }

  public ManagedProcess start() {
    Path config = writeConfig();
    if (!Files.exists(layout.kafkaData().resolve("meta.properties"))) {
      format(config);
    }
    return ManagedProcess.start(NAME, List.of(javaCommand, "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
        "-Dorg.slf4j.simpleLogger.log.kafka.log=warn",
        "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.storage=warn",
        "-cp", classpath(), "kafka.Kafka", config.toString()), Map.of(), layout);
  }

  /** Waits until the broker answers a cluster description. */
  public void awaitReady(ManagedProcess broker, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address());
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    while (Instant.now().isBefore(deadline)) {
      if (!broker.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited during start-up; see " + layout.log(NAME));
      }
      try (Admin client = Admin.create(admin)) {
        if (!client.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (Exception notYet) {
        sleep();
      }
    }
    throw new IllegalStateException("the Kafka broker did not answer within " + timeout + "; see " + layout.log(NAME));
  }

  private void format(Path config) {
    try {
      Process format = new ProcessBuilder(javaCommand, "-cp", classpath(), "kafka.tools.StorageTool", "format",
          "-t", CLUSTER_ID, "-c", config.toString(), "--standalone")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(NAME).toFile()))
          .start();
      if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
        throw new IllegalStateException("formatting the broker's storage failed; see " + layout.log(NAME));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting the broker's storage", e);
    }
  }

  private Path writeConfig() {
    String config = String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
        "advertised.listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + layout.kafkaData().toAbsolutePath(),
        "num.partitions=3",
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "num.network.threads=2",
        "num.io.threads=4",
        "");
    return write(layout.dataDir().resolve("server.properties"), config);
  }

  /** Kafka's server jars plus the launcher's own (kafka-clients and its codecs, slf4j-simple for the log). */
  private String classpath() {
    return layout.kafkaLibs().toAbsolutePath() + "/*" + File.pathSeparator
        + layout.launcherLibs().toAbsolutePath() + "/*";
  }

  private static Path write(Path file, String content) {
    try {
      Files.writeString(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
