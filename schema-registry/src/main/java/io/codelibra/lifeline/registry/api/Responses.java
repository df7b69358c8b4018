package io.codelibra.lifeline.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.codelibra.lifeline.registry.state.SchemaEntry;
import java.util.List;

/** The JSON bodies the registry answers with, shaped like Confluent's. */
public final class Responses {

  private Responses() {
  }

  /** {@code {"id": N}}: the answer to a registration. */
  public record RegisteredId(int id) {
  }

  /** {@code {"subject","version","id","schema"}}: one subject version. */
  public record SubjectSchema(String subject, int version, int id, String schema) {

    public static SubjectSchema of(SchemaEntry entry) {
      return new SubjectSchema(entry.subject(), entry.version(), entry.id(), entry.schema());
    }
  }

  /** {@code {"schema": "..."}}: a schema fetched by id. */
  public record SchemaString(String schema) {
  }

  /** {@code {"subject","version"}}: where a schema id is used. */
  public record SubjectVersion(String subject, int version) {

    public static SubjectVersion of(SchemaEntry entry) {
      return new SubjectVersion(entry.subject(), entry.version());
    }
  }

  /** {@code {"is_compatible": bool}}, with {@code "messages"} when verbose. */
  public record CompatibilityCheck(
      @JsonProperty("is_compatible") boolean compatible,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> messages) {
  }

  /** {@code {"compatibilityLevel": L}}: the answer of GET (and DELETE) on a config. */
  public record CompatibilityLevelConfig(String compatibilityLevel) {
  }

  /** {@code {"compatibility": L}}: the answer of PUT on a config (it echoes the request). */
  public record CompatibilityUpdate(String compatibility) {
  }

  /** {@code {"error_code": N, "message": "..."}}: every error. */
  public record ErrorMessage(@JsonProperty("error_code") int errorCode, String message) {
  }
}
