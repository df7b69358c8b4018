package io.codelibra.lifeline.deploy.local;

import io.codelibra.lifeline.deploy.cli.FailoverCli;
import io.codelibra.lifeline.deploy.drill.DrillSettings;
import io.codelibra.lifeline.deploy.drill.RegionOutageDrill;
import io.codelibra.lifeline.deploy.drill.StackHttp;
import io.codelibra.lifeline.schemas.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Entry point behind the {@code ./lifeline} script: {@code up}, {@code down}, {@code status},
 * {@code events <topic> [count]}, {@code failover <command>}.
 */
public final class LifelineLauncher {

  private LifelineLauncher() {
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("lifeline.root", ".")).toAbsolutePath().normalize();
    Path dataDir = Path.of(System.getProperty("lifeline.data", root.resolve(".lifeline").toString()));
    StackLayout layout = new StackLayout(root, dataDir);
    String java = ProcessHandle.current().info().command().orElse("java");
    String serviceOptions = System.getProperty("lifeline.service.java.options",
        "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k");
    String command = args.length == 0 ? "help" : args[0];
    switch (command) {
      case "up" -> new LocalStack(layout, java, serviceOptions, System.out)
          .up(!List.of(args).contains("--infrastructure"));
      case "down" -> new LocalStack(layout, java, serviceOptions, System.out).down();
      case "status" -> System.exit(new LocalStack(layout, java, serviceOptions, System.out).status() ? 0 : 3);
      case "events" -> {
        if (args.length < 2) {
          usage();
          System.exit(2);
        }
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        new TopicEvents(System.getProperty("lifeline.bootstrap", LocalBroker.bootstrapServers()),
            System.getProperty("lifeline.registry", LocalService.SCHEMA_REGISTRY.url()), System.out)
            .printLatest(args[1], count);
      }
      case "schemas" -> {
        if (args.length < 2 || !args[1].equals("register")) {
          usage();
          System.exit(2);
        }
        new SchemaRegistration(new SchemaRegistryClient(
            System.getProperty("lifeline.registry", LocalService.SCHEMA_REGISTRY.url()),
            registryUserInfo(layout), Duration.ofSeconds(10)), System.out).registerAll();
      }
      case "failover" -> System.exit(FailoverCli.onThisMachine(layout::apiKey, System.out)
          .run(List.of(args).subList(1, args.length)));
      case "drill" -> {
        if (args.length < 2 || !args[1].equals("region-outage")) {
          usage();
          System.exit(2);
        }
        DrillSettings settings = DrillSettings.localStack(layout.apiKey(),
            System.getenv().getOrDefault("LIFELINE_OPERATOR", System.getProperty("user.name", "operator") + "@drill"),
            layout.dataDir());
        System.exit(new RegionOutageDrill(settings, new StackKafka(System.getProperty("lifeline.bootstrap", LocalBroker.bootstrapServers()),
            System.getProperty("lifeline.registry", LocalService.SCHEMA_REGISTRY.url()), registryUserInfo(layout)),
            new StackHttp(settings), System.out).run());
      }
      default -> {
        usage();
        System.exit(command.equals("help") ? 0 : 2);
      }
    }
    System.out.flush();
    if (!command.equals("up")) {
      System.exit(0);
    }
  }

  /** LIFELINE_SCHEMA_REGISTRY_USER_INFO when set, else the local stack's own key. */
  private static String registryUserInfo(StackLayout layout) {
    String configured = System.getenv("LIFELINE_SCHEMA_REGISTRY_USER_INFO");
    return configured != null && !configured.isBlank() ? configured : "lifeline:" + layout.apiKey();
  }

  private static void usage() {
    System.out.println("usage: ./lifeline up [--infrastructure] | down | status | logs <service> | events <topic> [count] | schemas register | failover <command> | drill region-outage | test");
  }
}
