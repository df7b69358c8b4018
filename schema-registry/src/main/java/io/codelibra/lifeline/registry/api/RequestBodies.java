package io.codelibra.lifeline.registry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codelibra.lifeline.registry.error.RegistryException;
import io.codelibra.lifeline.registry.state.ParsedSchema;
import io.codelibra.lifeline.schemas.compatibility.CompatibilityLevel;
import java.io.IOException;

/**
 * Reads request bodies by hand rather than through Spring's JSON converter, because Confluent clients
 * may send JSON as {@code application/octet-stream}, which that converter does not read. Unknown fields
 * (metadata, ruleSet, normalize from newer clients) are ignored, like Confluent does for Avro.
 */
final class RequestBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestBodies() {
  }

  /** The Avro schema of a register, look-up or compatibility request: 42201 when missing, invalid or not Avro. */
  static ParsedSchema schema(byte[] body) {
    JsonNode request = object(body);
    if (request == null) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    ParsedSchema.requireAvro(request.path("schemaType").isTextual() ? request.get("schemaType").asText() : null);
    JsonNode references = request.path("references");
    if (references.isArray() && !references.isEmpty()) {
      throw RegistryException.invalidSchema("Schema references are not supported by this registry: "
          + "register self-contained Avro schemas");
    }
    JsonNode schema = request.path("schema");
    return ParsedSchema.parse(schema.isTextual() ? schema.asText() : null);
  }

  /** The level of a config update ({@code {"compatibility": L}}): 42203 when missing or unknown. */
  static CompatibilityLevel compatibility(byte[] body) {
    JsonNode request = object(body);
    if (request == null) {
      throw RegistryException.invalidCompatibilityLevel();
    }
    JsonNode level = request.hasNonNull("compatibility") ? request.get("compatibility") : request.path("compatibilityLevel");
    return CompatibilityLevel.parse(level.isTextual() ? level.asText() : null)
        .orElseThrow(RegistryException::invalidCompatibilityLevel);
  }

  /** The body as a JSON object, or null when there is no body. */
  private static JsonNode object(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw RegistryException.badRequest("The request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw RegistryException.badRequest("Unreadable JSON request body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw RegistryException.badRequest("Unreadable request body: " + e.getMessage());
    }
  }
}
