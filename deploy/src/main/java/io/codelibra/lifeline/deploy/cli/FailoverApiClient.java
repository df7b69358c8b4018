package io.codelibra.lifeline.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * failover-service's operator API over HTTP: reads are open, writes carry the operator's API key and a {@code From}
 * naming them. Answers are returned whatever their status; only "no answer at all" is an exception.
 */
final class FailoverApiClient {

  /** Longer than the service's own wait for the writer's decision (5 s by default), so "pending" can come back. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI baseUrl;
  private final Supplier<OperatorCredentials> credentials;

  /** {@code credentials} is asked for only when a write is sent, so reads need no key. */
  FailoverApiClient(URI baseUrl, Supplier<OperatorCredentials> credentials) {
    this.baseUrl = baseUrl;
    this.credentials = credentials;
  }

  URI baseUrl() {
    return baseUrl;
  }

  ApiAnswer regionPair() throws FailoverServiceUnreachableException {
    return get("/api/v1/region-pair");
  }

  ApiAnswer request(PairAction action, String reason, boolean dryRun) throws FailoverServiceUnreachableException {
    ObjectNode body = json.createObjectNode();
    putIfPresent(body, "reason", reason);
    if (dryRun) {
      body.put("dryRun", true);
    }
    return post(action.path(), body);
  }

  ApiAnswer startDrill(boolean dryRun, boolean rollback, String reason) throws FailoverServiceUnreachableException {
    ObjectNode body = json.createObjectNode();
    body.put("mode", dryRun ? "dry-run" : "live");
    putIfPresent(body, "reason", reason);
    body.put("rollback", rollback);
    return post("/api/v1/drills", body);
  }

  ApiAnswer drill(String drillId) throws FailoverServiceUnreachableException {
    return get("/api/v1/drills/" + pathSegment(drillId));
  }

  ApiAnswer recordChecklistItem(String drillId, String phase, String item, String outcome, String detail)
      throws FailoverServiceUnreachableException {
    ObjectNode body = json.createObjectNode();
    body.put("phase", phase);
    body.put("item", item);
    body.put("outcome", outcome);
    putIfPresent(body, "detail", detail);
    return post("/api/v1/drills/" + pathSegment(drillId) + "/checklist", body);
  }

  private ApiAnswer get(String path) throws FailoverServiceUnreachableException {
    return send(HttpRequest.newBuilder(resolve(path)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET());
  }

  private ApiAnswer post(String path, ObjectNode body) throws FailoverServiceUnreachableException {
    OperatorCredentials who = credentials.get();
    return send(HttpRequest.newBuilder(resolve(path)).timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json, application/problem+json")
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + who.apiKey())
        .header("From", who.operator())
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
  }

  private ApiAnswer send(HttpRequest.Builder request) throws FailoverServiceUnreachableException {
    HttpRequest built = request.build();
    HttpResponse<String> response;
    try {
      response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException noAnswer) {
      throw new FailoverServiceUnreachableException(built.uri(), noAnswer);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new FailoverServiceUnreachableException(built.uri(), interrupted);
    }
    return new ApiAnswer(response.statusCode(), parse(response.body()),
        response.headers().firstValue("Location").orElse(null));
  }

  /** A body that is not JSON (a proxy's HTML page, say) is kept as text, so it can still be shown. */
  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException notJson) {
      return TextNode.valueOf(body);
    }
  }

  private URI resolve(String path) {
    return URI.create(baseUrl.toString().replaceAll("/+$", "") + path);
  }

  private static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void putIfPresent(ObjectNode body, String field, String value) {
    if (value != null && !value.isBlank()) {
      body.put(field, value);
    }
  }
}
