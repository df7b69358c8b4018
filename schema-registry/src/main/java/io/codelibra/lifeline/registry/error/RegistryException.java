package io.codelibra.lifeline.registry.error;

import java.util.List;

/** A request the registry refuses, with Confluent's error code and message text. */
public class RegistryException extends RuntimeException {

  private final RegistryError error;

  public RegistryException(RegistryError error, String message) {
    this(error, message, null);
  }

  public RegistryException(RegistryError error, String message, Throwable cause) {
    super(message, cause);
    this.error = error;
  }

  public RegistryError error() {
    return error;
  }

  public static RegistryException subjectNotFound(String subject) {
    return new RegistryException(RegistryError.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  public static RegistryException versionNotFound(int version) {
    return new RegistryException(RegistryError.VERSION_NOT_FOUND, "Version " + version + " not found.");
  }

  public static RegistryException schemaNotFound() {
    return new RegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema not found");
  }

  public static RegistryException schemaNotFound(int id) {
    return new RegistryException(RegistryError.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }

  public static RegistryException subjectSoftDeleted(String subject) {
    return new RegistryException(RegistryError.SUBJECT_SOFT_DELETED,
        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
  }

  public static RegistryException subjectNotSoftDeleted(String subject) {
    return new RegistryException(RegistryError.SUBJECT_NOT_SOFT_DELETED,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  public static RegistryException versionSoftDeleted(String subject, String version) {
    return new RegistryException(RegistryError.VERSION_SOFT_DELETED,
        "Subject '" + subject + "' Version " + version + " was soft deleted.Set permanent=true to delete permanently");
  }

  public static RegistryException versionNotSoftDeleted(String subject, String version) {
    return new RegistryException(RegistryError.VERSION_NOT_SOFT_DELETED,
        "Subject '" + subject + "' Version " + version + " was not deleted first before being permanently deleted");
  }

  public static RegistryException subjectCompatibilityNotConfigured(String subject) {
    return new RegistryException(RegistryError.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static RegistryException incompatible(String subject, List<String> details) {
    return new RegistryException(RegistryError.INCOMPATIBLE_SCHEMA,
        "Schema being registered is incompatible with an earlier schema for subject \"" + subject
            + "\", details: " + details);
  }

  public static RegistryException invalidSchema(String details) {
    return new RegistryException(RegistryError.INVALID_SCHEMA, details);
  }

  public static RegistryException invalidVersion(String version) {
    return new RegistryException(RegistryError.INVALID_VERSION, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  public static RegistryException invalidCompatibilityLevel() {
    return new RegistryException(RegistryError.INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level. Valid values are none, backward, forward, full, "
            + "backward_transitive, forward_transitive, and full_transitive");
  }

  public static RegistryException badRequest(String message) {
    return new RegistryException(RegistryError.BAD_REQUEST, message);
  }

  public static RegistryException storeError(String message, Throwable cause) {
    return new RegistryException(RegistryError.STORE_ERROR, message, cause);
  }

  public static RegistryException timeout(String message, Throwable cause) {
    return new RegistryException(RegistryError.OPERATION_TIMEOUT, message, cause);
  }
}
