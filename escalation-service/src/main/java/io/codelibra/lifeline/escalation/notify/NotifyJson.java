package io.codelibra.lifeline.escalation.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The JSON of the HTTP channels: bodies are built as trees and sent as the exact bytes that are signed. */
final class NotifyJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private NotifyJson() {
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(JsonNode body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a notification body could not be written as JSON", e);
    }
  }

  /** A JSON answer's text field, or null when the answer is not JSON or lacks it. */
  static String field(String json, String name) {
    try {
      JsonNode value = MAPPER.readTree(json).get(name);
      return value == null || !value.isTextual() ? null : value.asText();
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
