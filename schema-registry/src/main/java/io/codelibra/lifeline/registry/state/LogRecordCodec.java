package io.codelibra.lifeline.registry.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.codelibra.lifeline.registry.state.LogRecord.ConfigRecord;
import io.codelibra.lifeline.registry.state.LogRecord.DeleteSubjectRecord;
import io.codelibra.lifeline.registry.state.LogRecord.IgnoredRecord;
import io.codelibra.lifeline.registry.state.LogRecord.SchemaRecord;
import java.io.IOException;

/**
 * Confluent's {@code _schemas} JSON format, both ways. Keys:
 * {@code {"keytype":"SCHEMA","subject":S,"version":V,"magic":1}} and
 * {@code {"keytype":"CONFIG","subject":S-or-null,"magic":0}}; values:
 * {@code {"subject","version","id","schema","deleted"}} and {@code {"compatibilityLevel":L}}; a null
 * value is a tombstone. Keys are written byte-for-byte the same by every instance, so compaction
 * keeps only the latest record of each key.
 */
public final class LogRecordCodec {

  private final ObjectMapper json = new ObjectMapper();

  public LogRecord decode(byte[] key, byte[] value) {
    JsonNode keyNode;
    try {
      keyNode = key == null ? null : json.readTree(key);
    } catch (IOException unreadable) {
      return new IgnoredRecord("unreadable key: " + unreadable.getMessage());
    }
    if (keyNode == null || !keyNode.isObject()) {
      return new IgnoredRecord("key is not a JSON object");
    }
    String keyType = keyNode.path("keytype").asText("");
    try {
      JsonNode valueNode = value == null ? null : json.readTree(value);
      if (valueNode != null && valueNode.isNull()) {
        valueNode = null;
      }
      return switch (keyType) {
        case "SCHEMA" -> schemaRecord(keyNode, valueNode);
        case "CONFIG" -> configRecord(keyNode, valueNode);
        case "DELETE_SUBJECT" -> deleteSubjectRecord(keyNode, valueNode);
        default -> new IgnoredRecord("keytype " + keyType + " is not used by this registry");
      };
    } catch (IOException unreadable) {
      return new IgnoredRecord("unreadable value: " + unreadable.getMessage());
    }
  }

  public byte[] encodeKey(LogRecord record) {
    ObjectNode key = json.createObjectNode();
    switch (record) {
      case SchemaRecord schema -> {
        key.put("keytype", "SCHEMA");
        key.put("subject", schema.subject());
        key.put("version", schema.version());
        key.put("magic", 1);
      }
      case ConfigRecord config -> {
        key.put("keytype", "CONFIG");
        key.put("subject", config.subject());
        key.put("magic", 0);
      }
      case DeleteSubjectRecord delete -> {
        key.put("keytype", "DELETE_SUBJECT");
        key.put("subject", delete.subject());
        key.put("magic", 0);
      }
      case IgnoredRecord ignored -> throw new IllegalArgumentException("an ignored record is never written");
    }
    return bytes(key);
  }

  /** The value, or null for a tombstone. */
  public byte[] encodeValue(LogRecord record) {
    ObjectNode value = json.createObjectNode();
    switch (record) {
      case SchemaRecord schema -> {
        if (schema.value() == null) {
          return null;
        }
        SchemaEntry entry = schema.value();
        value.put("subject", entry.subject());
        value.put("version", entry.version());
        value.put("id", entry.id());
        value.put("schema", entry.schema());
        value.put("deleted", entry.deleted());
      }
      case ConfigRecord config -> {
        if (config.compatibilityLevel() == null) {
          return null;
        }
        value.put("compatibilityLevel", config.compatibilityLevel());
      }
      case DeleteSubjectRecord delete -> {
        value.put("subject", delete.subject());
        value.put("version", delete.version());
      }
      case IgnoredRecord ignored -> throw new IllegalArgumentException("an ignored record is never written");
    }
    return bytes(value);
  }

  private static LogRecord schemaRecord(JsonNode key, JsonNode value) {
    String subject = key.path("subject").asText(null);
    JsonNode version = key.get("version");
    if (subject == null || version == null || !version.canConvertToInt()) {
      return new IgnoredRecord("SCHEMA key without subject or version");
    }
    if (value == null) {
      return SchemaRecord.tombstone(subject, version.asInt());
    }
    String schemaType = value.path("schemaType").asText(ParsedSchema.AVRO);
    if (!ParsedSchema.AVRO.equalsIgnoreCase(schemaType)) {
      return new IgnoredRecord("schema type " + schemaType + " is not served by this registry");
    }
    SchemaEntry entry = new SchemaEntry(value.path("subject").asText(subject), value.path("version").asInt(0),
        value.path("id").asInt(0), value.path("schema").asText(""), value.path("deleted").asBoolean(false));
    return new SchemaRecord(subject, version.asInt(), entry);
  }

  private static LogRecord configRecord(JsonNode key, JsonNode value) {
    JsonNode subject = key.get("subject");
    String subjectName = subject == null || subject.isNull() ? null : subject.asText();
    JsonNode level = value == null ? null : value.get("compatibilityLevel");
    return new ConfigRecord(subjectName, level == null || level.isNull() ? null : level.asText());
  }

  private static LogRecord deleteSubjectRecord(JsonNode key, JsonNode value) {
    String subject = key.path("subject").asText(null);
    if (subject == null || value == null || !value.path("version").canConvertToInt()) {
      return new IgnoredRecord("DELETE_SUBJECT without subject or version");
    }
    return new DeleteSubjectRecord(subject, value.path("version").asInt());
  }

  private byte[] bytes(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
