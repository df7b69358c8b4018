package io.codelibra.lifeline.registry.error;

/** Confluent Schema Registry's error codes; the HTTP status is the code's first three digits. */
public enum RegistryError {
  /** Not Confluent-specific: rest-utils' answer to a body that is not JSON. */
  BAD_REQUEST(400),
  SUBJECT_NOT_FOUND(40401),
  VERSION_NOT_FOUND(40402),
  SCHEMA_NOT_FOUND(40403),
  SUBJECT_SOFT_DELETED(40404),
  SUBJECT_NOT_SOFT_DELETED(40405),
  VERSION_SOFT_DELETED(40406),
  VERSION_NOT_SOFT_DELETED(40407),
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED(40408),
  INCOMPATIBLE_SCHEMA(409),
  INVALID_SCHEMA(42201),
  INVALID_VERSION(42202),
  INVALID_COMPATIBILITY_LEVEL(42203),
  STORE_ERROR(50001),
  OPERATION_TIMEOUT(50002);

  private final int code;

  RegistryError(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    int status = code;
    while (status >= 1000) {
      status /= 10;
    }
    return status;
  }
}
