package io.codelibra.lifeline.failover;

import io.codelibra.lifeline.deploy.demo.DemoRegion;
import io.codelibra.lifeline.deploy.demo.WwwEntryPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * failover-service started for one region pair of real demo regions and a real {@code www}, with the local executors
 * on {@code data}, fast ticks and a 2 s failback window; its own application id and executor group, so tests sharing
 * the JVM's broker do not meet. {@code extra} arguments are appended.
 */
final class LocalPairService {

  private LocalPairService() {
  }

  static ConfigurableApplicationContext start(Path data, DemoRegion primary, DemoRegion secondary, WwwEntryPoint www,
      Path routingFile, String... extra) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> args = new ArrayList<>(List.of("--server.port=0",
        "--spring.cloud.stream.kafka.streams.binder.functions.pairWriter.application-id=failover-" + primary.name() + "-" + run,
        "--spring.cloud.stream.bindings.executeFailovers-in-0.group=failover-executor-" + primary.name() + "-" + run,
        "--lifeline.failover.primary-region=" + primary.name(), "--lifeline.failover.secondary-region=" + secondary.name(),
        "--lifeline.failover.state-dir=" + data.resolve("state"),
        "--lifeline.failover.monitor-tick=50ms", "--lifeline.failover.decision-tick=200ms",
        "--lifeline.failover.policy.failback-window=2s",
        "--lifeline.failover.routing.mode=local", "--lifeline.failover.routing.local-state-file=" + routingFile,
        "--lifeline.failover.database.mode=local",
        "--lifeline.failover.database.local.primary-directory=" + data.resolve("regions/" + primary.name()),
        "--lifeline.failover.database.local.secondary-directory=" + data.resolve("regions/" + secondary.name()),
        "--lifeline.failover.verification.url=http://127.0.0.1:" + www.port() + "/",
        "--lifeline.failover.verification.expect=served by {region}"));
    int index = 0;
    for (DemoRegion region : List.of(primary, secondary)) {
      String check = "--lifeline.failover.health-checks[" + index++ + "].";
      args.addAll(List.of(check + "id=" + region.name(), check + "region=" + region.name(), check + "ip-address=127.0.0.1",
          check + "port=" + region.port(), check + "type=HTTP", check + "resource-path=/health",
          check + "search-string=\"status\":\"ok\"", check + "request-interval=300ms", check + "failure-threshold=2",
          check + "checkers=3"));
    }
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(FailoverApplication.class).run(args.toArray(String[]::new));
  }
}
