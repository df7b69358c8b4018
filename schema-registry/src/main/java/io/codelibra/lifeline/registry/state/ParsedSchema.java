package io.codelibra.lifeline.registry.state;

import io.codelibra.lifeline.registry.error.RegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * An Avro schema as the registry keeps it: parsed, and as canonical text ({@link Schema#toString()}),
 * which is what identifies "the same schema" across subjects, registrations and instances.
 */
public record ParsedSchema(Schema schema, String canonical) {

  public static final String AVRO = "AVRO";

  /** Parses Avro schema text; refuses it with Confluent's 42201 when it is empty or not valid Avro. */
  public static ParsedSchema parse(String text) {
    if (text == null || text.isBlank()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    try {
      Schema schema = new Schema.Parser().parse(text);
      return new ParsedSchema(schema, schema.toString());
    } catch (SchemaParseException | NullPointerException | IllegalArgumentException e) {
      // Avro reports some malformed documents (e.g. a record without fields) as NPE or IAE.
      throw RegistryException.invalidSchema(
          "Either the input schema or one its references is invalid, details: " + e.getMessage());
    }
  }

  /** Refuses schema types other than Avro (Confluent's 42201), the only type this registry speaks. */
  public static void requireAvro(String schemaType) {
    if (schemaType != null && !AVRO.equalsIgnoreCase(schemaType.trim())) {
      throw RegistryException.invalidSchema("Invalid schema type " + schemaType + ": this registry supports AVRO only");
    }
  }
}
