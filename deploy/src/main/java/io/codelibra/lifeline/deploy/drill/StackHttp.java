package io.codelibra.lifeline.deploy.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The drill's HTTP calls to the local stack: fault switch, www, the region pair, the failback approval, the review. */
public final class StackHttp {

  /** A check over HTTP: its answer, or an exception saying why not (yet). */
  @FunctionalInterface
  interface Check {
    String run() throws Exception;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DrillSettings settings;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public StackHttp(DrillSettings settings) {
    this.settings = settings;
  }

  /** Why the pair is not ready (not healthy on its primary, or failover-service not answering), if it is not. */
  Optional<String> pairNotReady(String primary) {
    try {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(settings.failoverApi().resolve("/api/v1/region-pair")).GET());
      if (answer.statusCode() != 200) {
        return Optional.of("failover-service answered " + answer.statusCode() + " to GET /api/v1/region-pair");
      }
      JsonNode pair = JSON.readTree(answer.body());
      if (!"HEALTHY".equals(pair.path("phase").asText()) || !primary.equals(pair.path("activeRegion").asText())
          || !"healthy".equals(pair.path("primaryHealth").asText()) || !"healthy".equals(pair.path("secondaryHealth").asText())) {
        return Optional.of("the region pair is " + pair.path("phase").asText() + " on " + pair.path("activeRegion").asText()
            + " (primary " + pair.path("primaryHealth").asText() + ", secondary " + pair.path("secondaryHealth").asText()
            + "): wait until both regions are healthy on the primary");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("failover-service does not answer on " + settings.failoverApi() + " (is ./lifeline up running?)");
    }
  }

  void fault(String region, boolean on) throws IOException {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(settings.primaryFault())
        .header("Authorization", "Bearer " + settings.apiKey()).PUT(HttpRequest.BodyPublishers.ofString(on ? "on" : "off")));
    if (answer.statusCode() / 100 != 2) {
      throw new IOException("PUT " + settings.primaryFault() + " (" + region + ") answered " + answer.statusCode());
    }
  }

  String servedBy(String region) throws IOException {
    String body = send(HttpRequest.newBuilder(settings.www()).GET()).body();
    if (!body.contains("served by " + region)) {
      throw new IOException("www answered " + body.strip());
    }
    return "www: " + body.strip();
  }

  String approveFailback(String operator) throws IOException {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(settings.failoverApi().resolve("/api/v1/region-pair/failback/approval"))
        .header("Authorization", "Bearer " + settings.apiKey()).header("From", operator).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"region-outage drill\"}")));
    return "POST failback/approval by " + operator + ": " + answer.statusCode() + " " + JSON.readTree(answer.body()).path("status").asText();
  }

  /** Fetches the incident's review draft and keeps a copy with the drill's report. */
  String postmortem(String incidentId, Path reportDirectory) throws IOException {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(settings.recoveryApi().resolve("/api/v1/incidents/" + incidentId
        + "/postmortem")).GET());
    if (answer.statusCode() != 200 || !answer.body().contains("Timeline")) {
      throw new IOException("GET postmortem of " + incidentId + " answered " + answer.statusCode());
    }
    Files.createDirectories(reportDirectory);
    Path copy = reportDirectory.resolve("postmortem-" + incidentId.replaceAll("[^A-Za-z0-9._-]", "_") + ".md");
    Files.writeString(copy, answer.body());
    return answer.body().lines().count() + " lines, kept as " + copy;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
