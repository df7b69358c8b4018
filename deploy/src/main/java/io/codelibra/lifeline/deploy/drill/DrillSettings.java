package io.codelibra.lifeline.deploy.drill;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the local stack answers and how long each step may take: the demo regions' fault switches, {@code www},
 * failover-service and recovery-service, the stack's API key, who the drill acts as, the failback window of the
 * local profile, how long an escalation may take (the policy's first delay, divided on the local stack), and where
 * reports go.
 */
public record DrillSettings(String primary, String secondary, URI primaryFault, URI www, URI failoverApi, URI recoveryApi,
    String apiKey, String operator, Duration stepTimeout, Duration failbackWindow, Duration escalationTimeout,
    Path reportDirectory) {

  public static DrillSettings localStack(String apiKey, String operator, Path dataDirectory) {
    return new DrillSettings("us-east-1", "us-west-2", URI.create("http://127.0.0.1:8091/fault"),
        URI.create("http://127.0.0.1:8090/"), URI.create("http://127.0.0.1:8084"), URI.create("http://127.0.0.1:8085"),
        apiKey, operator, Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(90),
        dataDirectory.resolve("drills"));
  }

  @Override
  public String toString() {
    return "DrillSettings[" + primary + "/" + secondary + ", www " + www + ", apiKey=(redacted), operator " + operator + "]";
  }
}
