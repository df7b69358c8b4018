package io.codelibra.lifeline.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (Confluent SR, Karapace, Apicurio's ccompat API,
 * Lifeline's own registry). Ids and schemas are immutable once registered, so both are cached.
 */
public class SchemaRegistryClient {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final List<URI> baseUris;
  private final Optional<String> authorization;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {
  }

  /**
   * @param urls comma-separated registry base URLs; requests fail over in order
   * @param basicAuthUserInfo {@code user:password} for HTTP Basic, or null
   */
  public SchemaRegistryClient(String urls, String basicAuthUserInfo, Duration requestTimeout) {
    if (urls == null || urls.isBlank()) {
      throw new IllegalArgumentException("schema.registry.url is required");
    }
    this.baseUris = java.util.Arrays.stream(urls.split(","))
        .map(String::trim)
        .filter(url -> !url.isEmpty())
        .map(url -> URI.create(url.endsWith("/") ? url : url + "/"))
        .toList();
    this.authorization = Optional.ofNullable(basicAuthUserInfo)
        .filter(info -> !info.isBlank())
        .map(info -> "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
  }

  public SchemaRegistryClient(String urls) {
    this(urls, null, Duration.ofSeconds(10));
  }

  /** Registers the schema under the subject (idempotent) and returns its global id. */
  public int register(String subject, Schema schema) {
    Integer cached = idsBySubjectSchema.get(new SubjectSchema(subject, schema));
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = answer.get("id").asInt();
    remember(subject, schema, id);
    return id;
  }

  /** The id and version of this exact schema under the subject, if it is registered there. */
  public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
    try {
      JsonNode answer = send("POST", "subjects/" + encode(subject), schemaBody(schema));
      RegisteredSchema found = registered(answer);
      remember(subject, schema, found.id());
      return Optional.of(found);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40401 || e.errorCode() == 40403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The id of the schema under the subject, looked up once and then cached. */
  public Optional<Integer> idOf(String subject, Schema schema) {
    Integer cached = idsBySubjectSchema.get(new SubjectSchema(subject, schema));
    if (cached != null) {
      return Optional.of(cached);
    }
    return lookup(subject, schema).map(RegisteredSchema::id);
  }

  /** The schema with this global id. */
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, key -> {
      JsonNode answer = send("GET", "schemas/ids/" + key, null);
      return new Schema.Parser().parse(answer.get("schema").asText());
    });
  }

  /** The latest version registered under the subject. */
  public RegisteredSchema latest(String subject) {
    return registered(send("GET", "subjects/" + encode(subject) + "/versions/latest", null));
  }

  /** Every subject the registry holds. */
  public List<String> subjects() {
    JsonNode answer = send("GET", "subjects", null);
    return java.util.stream.StreamSupport.stream(answer.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** Whether the schema may be registered under the subject given its compatibility level. */
  public boolean isCompatible(String subject, Schema schema) {
    try {
      JsonNode answer = send("POST", "compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
      return answer.get("is_compatible").asBoolean();
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == 40401) {
        return true;
      }
      throw e;
    }
  }

  /** Sets the subject's compatibility level ({@code PUT /config/{subject}}). */
  public void setCompatibility(String subject, String level) {
    ObjectNode body = json.createObjectNode();
    body.put("compatibility", level);
    send("PUT", "config/" + encode(subject), body.toString());
  }

  private RegisteredSchema registered(JsonNode answer) {
    Schema schema = new Schema.Parser().parse(answer.get("schema").asText());
    int id = answer.get("id").asInt();
    schemasById.putIfAbsent(id, schema);
    return new RegisteredSchema(answer.get("subject").asText(), id, answer.get("version").asInt(), schema);
  }

  private void remember(String subject, Schema schema, int id) {
    idsBySubjectSchema.put(new SubjectSchema(subject, schema), id);
    schemasById.putIfAbsent(id, schema);
  }

  private String schemaBody(Schema schema) {
    ObjectNode body = json.createObjectNode();
    body.put("schema", schema.toString());
    return body.toString();
  }

  private JsonNode send(String method, String path, String body) {
    SchemaRegistryException lastFailure = null;
    for (URI base : baseUris) {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
          .timeout(requestTimeout)
          .header("Accept", CONTENT_TYPE + ", application/json")
          .method(method, body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", CONTENT_TYPE);
      }
      authorization.ifPresent(value -> request.header("Authorization", value));
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return answerOf(method, base.resolve(path), response);
      } catch (IOException e) {
        lastFailure = new SchemaRegistryException("schema registry " + base + " unreachable: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("interrupted while calling the schema registry", e);
      }
    }
    throw lastFailure;
  }

  private JsonNode answerOf(String method, URI uri, HttpResponse<String> response) throws IOException {
    if (response.statusCode() / 100 == 2) {
      return json.readTree(response.body());
    }
    int errorCode = response.statusCode();
    String message = response.body();
    try {
      JsonNode error = json.readTree(response.body());
      if (error != null && error.has("error_code")) {
        errorCode = error.get("error_code").asInt();
        message = error.path("message").asText();
      }
    } catch (IOException notJson) {
      // keep the raw body as the message
    }
    throw new SchemaRegistryException(response.statusCode(), errorCode, method + " " + uri + ": " + message);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
