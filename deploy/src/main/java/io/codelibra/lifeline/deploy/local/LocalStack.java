package io.codelibra.lifeline.deploy.local;

import io.codelibra.lifeline.deploy.demo.DemoRegions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The embedded default: a real KRaft broker, the schema registry and the five services as child
 * processes of this launcher. {@code up} runs in the foreground until Ctrl-C, then stops them all.
 */
public final class LocalStack {

  private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(180);

  private final StackLayout layout;
  private final String java;
  private final String serviceJavaOptions;
  private final PrintStream out;
  private final List<ManagedProcess> running = new ArrayList<>();
  private LocalMailServer mailServer;
  private DemoRegions demoRegions;

  public LocalStack(StackLayout layout, String java, String serviceJavaOptions, PrintStream out) {
    this.layout = layout;
    this.java = java;
    this.serviceJavaOptions = serviceJavaOptions;
    this.out = out;
  }

  /** Starts everything, waits for health, prints the URLs, then blocks until the JVM is asked to stop. */
  /** @param withServices false for the broker and the registry only (benchmarks that start their own service) */
  public void up(boolean withServices) throws InterruptedException {
    refuseIfRunning();
    layout.createDirectories();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopAll();
      stopped.countDown();
    }, "lifeline-stop"));
    Instant start = Instant.now();
    try {
      LocalBroker broker = new LocalBroker(layout, java);
      out.println("starting Kafka broker (KRaft) on " + LocalBroker.bootstrapServers());
      ManagedProcess brokerProcess = track(broker.start());
      broker.awaitReady(brokerProcess, BROKER_TIMEOUT);
      List<String> created = TopicCreator.createMissing(LocalBroker.bootstrapServers(), (short) 1);
      out.println("broker ready in " + since(start) + "; topics created: " + (created.isEmpty() ? "none (all exist)" : created));

      startAndAwait(List.of(LocalService.SCHEMA_REGISTRY));
      if (withServices) {
        mailServer = new LocalMailServer(layout.mail());
        mailServer.start();
        out.println("mail catcher (SMTP) on localhost:" + LocalMailServer.SMTP_PORT + ", e-mails in " + layout.mail());
        demoRegions = DemoRegions.start(layout.dataDir().resolve("failover").resolve("active-region"),
            layout.dataDir().resolve("regions"), layout.apiKey());
        out.println("demo regions " + DemoRegions.PRIMARY + " :" + DemoRegions.PRIMARY_PORT + " and " + DemoRegions.SECONDARY + " :"
            + DemoRegions.SECONDARY_PORT + ", www entry point on :" + DemoRegions.WWW_PORT);
        startAndAwait(LocalService.LIFELINE);
      }
    } catch (RuntimeException e) {
      out.println("lifeline: start-up failed: " + e.getMessage());
      System.exit(1);
    }
    printReady(start, withServices);
    stopped.await();
  }

  /** Stops a stack started by another launcher, from its pid files. */
  public void down() {
    List<ManagedProcess> found = processNames().stream()
        .map(name -> ManagedProcess.fromPidFile(name, layout))
        .flatMap(Optional::stream)
        .toList();
    if (found.isEmpty()) {
      out.println("nothing running under " + layout.dataDir());
      return;
    }
    for (ManagedProcess process : found.reversed()) {
      out.println("stopping " + process.name() + " (pid " + process.pid() + ")");
      process.stop(layout);
    }
  }

  /** One line per process: running or not, and healthy or not. */
  public boolean status() {
    boolean allUp = true;
    out.printf("%-20s %-8s %-8s %s%n", "PROCESS", "PID", "HEALTH", "URL");
    for (String name : processNames()) {
      var process = ManagedProcess.fromPidFile(name, layout);
      String health;
      String url;
      if (name.equals(LocalBroker.NAME)) {
        health = process.isPresent() ? "RUNNING" : "DOWN";
        url = LocalBroker.bootstrapServers();
      } else {
        LocalService service = serviceNamed(name);
        health = process.isPresent() && HealthProbe.isUp(service) ? "UP" : process.isPresent() ? "STARTING" : "DOWN";
        url = service.url();
      }
      allUp &= health.equals("UP") || health.equals("RUNNING");
      out.printf("%-20s %-8s %-8s %s%n", name, process.map(p -> Long.toString(p.pid())).orElse("-"), health, url);
    }
    return allUp;
  }

  private void startAndAwait(List<LocalService> services) {
    Map<LocalService, ManagedProcess> started = new LinkedHashMap<>();
    for (LocalService service : services) {
      out.println("starting " + service.module() + " on " + service.url());
      started.put(service, track(startService(service)));
    }
    Instant deadline = Instant.now().plus(SERVICE_TIMEOUT);
    Map<LocalService, ManagedProcess> waiting = new HashMap<>(started);
    while (!waiting.isEmpty()) {
      for (var entry : List.copyOf(waiting.entrySet())) {
        if (!entry.getValue().isAlive()) {
          throw new IllegalStateException(entry.getKey().module() + " exited during start-up; last lines of "
              + layout.log(entry.getKey().module()) + ":\n" + tail(entry.getKey().module()));
        }
        if (HealthProbe.isUp(entry.getKey())) {
          waiting.remove(entry.getKey());
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("not healthy within " + SERVICE_TIMEOUT + ": "
            + waiting.keySet().stream().map(LocalService::module).toList());
      }
      pause();
    }
  }

  private ManagedProcess startService(LocalService service) {
    if (!Files.exists(layout.serviceJar(service.module()))) {
      throw new IllegalStateException(layout.serviceJar(service.module()) + " is missing: build first (./mvnw package)");
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(List.of(serviceJavaOptions.trim().split("\\s+")));
    command.addAll(List.of("-jar", layout.serviceJar(service.module()).toString(),
        "--spring.profiles.active=local",
        "--server.port=" + service.port()));
    Map<String, String> environment = new HashMap<>(Map.of(
        "LIFELINE_KAFKA_BOOTSTRAP", LocalBroker.bootstrapServers(),
        "LIFELINE_SCHEMA_REGISTRY_URL", LocalService.SCHEMA_REGISTRY.url(),
        "LIFELINE_SCHEMA_REGISTRY_USER_INFO", "lifeline:" + layout.apiKey(),
        "LIFELINE_API_KEY_FILE", layout.apiKeyFile().toAbsolutePath().toString(),
        "LIFELINE_REGISTRY_DEFAULT_COMPATIBILITY", "BACKWARD_TRANSITIVE",
        // Kafka Streams state (escalation-service) lives with the rest of the stack's data.
        "LIFELINE_STATE_DIR", layout.dataDir().resolve("state").resolve(service.module()).toAbsolutePath().toString(),
        // E-mail goes to the launcher's mail catcher.
        "SPRING_MAIL_HOST", "127.0.0.1",
        "SPRING_MAIL_PORT", Integer.toString(LocalMailServer.SMTP_PORT)));
    if (service.module().equals("statuspage-service")) {
      environment.put("LIFELINE_STATUSPAGE_LINK_SECRET", layout.linkSecret());
    }
    if (service.module().equals("failover-service")) {
      // The routing file www reads and the demo regions' data directories.
      environment.put("LIFELINE_DATA_DIR", layout.dataDir().toAbsolutePath().toString());
    }
    if (service.module().equals("alert-ingest")) {
      // Demo integrations whose secret (bearer token, PagerDuty routing key) is the local API key.
      environment.putAll(Map.of(
          "LIFELINE_INGEST_INTEGRATIONS_LOCALALERTMANAGER_TYPE", "alertmanager",
          "LIFELINE_INGEST_INTEGRATIONS_LOCALALERTMANAGER_SECRET", layout.apiKey(),
          "LIFELINE_INGEST_INTEGRATIONS_LOCALPAGERDUTY_TYPE", "pagerduty",
          "LIFELINE_INGEST_INTEGRATIONS_LOCALPAGERDUTY_SECRET", layout.apiKey()));
    }
    return ManagedProcess.start(service.module(), command, environment, layout);
  }

  private void printReady(Instant start, boolean withServices) {
    out.println();
    out.println("Lifeline is up (" + since(start) + "). Data: " + layout.dataDir().toAbsolutePath());
    out.printf("  %-20s %s%n", "kafka", LocalBroker.bootstrapServers());
    out.printf("  %-20s %s  (%s)%n", LocalService.SCHEMA_REGISTRY.module(), LocalService.SCHEMA_REGISTRY.url(),
        LocalService.SCHEMA_REGISTRY.role());
    if (!withServices) {
      out.println("Infrastructure only (--infrastructure): no Lifeline service started. Ctrl-C stops it.");
      return;
    }
    for (LocalService service : LocalService.LIFELINE) {
      out.printf("  %-20s %s  (%s)%n", service.module(), service.url(), service.role());
    }
    out.println("API key for writes: " + layout.apiKeyFile() + "   Logs: ./lifeline logs <service>   E-mail sent: ./lifeline mail");
    out.println("Try: curl -i -H \"Authorization: Bearer $(cat " + layout.apiKeyFile() + ")\" -H 'Content-Type: application/json' \\");
    out.println("       -d '{\"summary\":\"checkout p99 latency high\",\"source\":\"curl\",\"severity\":\"SEV2\",\"service\":\"checkout\"}' \\");
    out.println("       http://localhost:8080/api/v1/alerts");
    out.println("     ./lifeline events alerts");
    out.println("Ctrl-C stops everything.");
  }

  private synchronized ManagedProcess track(ManagedProcess process) {
    running.add(process);
    return process;
  }

  private synchronized void stopAll() {
    if (running.isEmpty()) {
      return;
    }
    out.println();
    out.println("stopping Lifeline...");
    // Services first, in parallel; then the registry; the broker last so they can commit and flush.
    List<ManagedProcess> services = running.stream().filter(p -> !p.name().equals(LocalBroker.NAME)
        && !p.name().equals(LocalService.SCHEMA_REGISTRY.module())).toList();
    services.parallelStream().forEach(process -> process.stop(layout));
    if (mailServer != null) {
      mailServer.close();
    }
    if (demoRegions != null) {
      demoRegions.close();
    }
    running.stream().filter(p -> p.name().equals(LocalService.SCHEMA_REGISTRY.module())).forEach(p -> p.stop(layout));
    running.stream().filter(p -> p.name().equals(LocalBroker.NAME)).forEach(p -> p.stop(layout));
    running.clear();
    out.println("stopped.");
  }

  private void refuseIfRunning() {
    List<String> alive = processNames().stream()
        .filter(name -> ManagedProcess.fromPidFile(name, layout).isPresent())
        .toList();
    if (!alive.isEmpty()) {
      throw new IllegalStateException("already running under " + layout.dataDir() + ": " + alive
          + " (./lifeline status, ./lifeline down)");
    }
  }

  private String tail(String process) {
    try (Stream<String> lines = Files.lines(layout.log(process))) {
      List<String> all = lines.toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static List<String> processNames() {
    List<String> names = new ArrayList<>();
    names.add(LocalBroker.NAME);
    names.add(LocalService.SCHEMA_REGISTRY.module());
    LocalService.LIFELINE.forEach(service -> names.add(service.module()));
    return names;
  }

  private static LocalService serviceNamed(String module) {
    return Stream.concat(Stream.of(LocalService.SCHEMA_REGISTRY), LocalService.LIFELINE.stream())
        .filter(service -> service.module().equals(module))
        .findFirst()
        .orElseThrow();
  }

  private static String since(Instant start) {
    return Duration.between(start, Instant.now()).toMillis() / 100 / 10.0 + " s";
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
