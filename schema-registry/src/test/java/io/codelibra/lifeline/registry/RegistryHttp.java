package io.codelibra.lifeline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Drives a running registry over HTTP the way a Confluent client does: JSON bodies, HTTP Basic with the API key. */
final class RegistryHttp {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String apiKey;
  private final HttpClient http = HttpClient.newHttpClient();

  RegistryHttp(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /** One answer: status, content type and body (parsed when it is JSON). */
  record Answer(int status, String contentType, String body) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    int errorCode() {
      return json().path("error_code").asInt();
    }

    String message() {
      return json().path("message").asText();
    }
  }

  static String schemaBody(String schema) {
    ObjectNode body = JSON.createObjectNode();
    body.put("schema", schema);
    return body.toString();
  }

  static String canonical(String schema) {
    return new org.apache.avro.Schema.Parser().parse(schema).toString();
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), false);
  }

  Answer get(String path, String accept) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET(), false);
  }

  Answer post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", V1_JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body)), true);
  }

  Answer post(String path, String body, String contentType) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)), true);
  }

  Answer postWithoutKey(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", V1_JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body)), false);
  }

  Answer put(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", V1_JSON)
        .PUT(HttpRequest.BodyPublishers.ofString(body)), true);
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), true);
  }

  Answer deleteWithoutKey(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), false);
  }

  /** Registers and answers the id, failing the test on anything but 200. */
  int register(String subject, String schema) {
    Answer answer = post("/subjects/" + subject + "/versions", schemaBody(schema));
    if (answer.status() != 200) {
      throw new AssertionError("register " + subject + " answered " + answer);
    }
    return answer.json().get("id").asInt();
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private Answer send(HttpRequest.Builder request, boolean authenticated) {
    if (authenticated) {
      String userInfo = "any-user:" + apiKey;
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
